/**
 * The states an agent can be in, in the wallboard's words (docs/vocabulary.md "Agent states").
 * Each source maps its own states onto these (Genesys Engage's `WaitForNextCall`, Genesys Cloud's
 * routing status `IDLE`, …) and may keep its own name as a label, e.g. "On hold" or "Break".
 */
export const AGENT_STATES = ['ready', 'ringing', 'on-call', 'after-call-work', 'not-ready', 'logged-out', 'unknown'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

const LABELS: Readonly<Record<AgentState, string>> = {
  ready: 'Ready',
  ringing: 'Ringing',
  'on-call': 'On a call',
  'after-call-work': 'After-call work',
  'not-ready': 'Not ready',
  'logged-out': 'Logged out',
  unknown: 'Unknown state',
};

export function agentStateLabel(state: AgentState): string {
  return LABELS[state];
}

export function isAgentState(value: string): value is AgentState {
  return (AGENT_STATES as readonly string[]).includes(value);
}
