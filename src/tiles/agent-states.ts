/**
 * How each agent state (Stat Server status name, docs/statistics.md) looks and sorts. Every state
 * has a shape as well as a colour so the grid reads for colour-blind viewers.
 *
 * Sort order, on purpose: who can take a call now (Ready), who is busy with one (ringing, dialing,
 * talking, on hold), who is finishing one (after-call work), who is away (Not ready), states this
 * app does not know, and last, de-emphasised, who is not working (Logged out).
 */
export type AgentStateGroup = 'ready' | 'on-call' | 'after-call-work' | 'not-ready' | 'unknown' | 'logged-out';

export const AGENT_STATE_GROUP_ORDER: readonly AgentStateGroup[] = ['ready', 'on-call', 'after-call-work', 'not-ready', 'unknown', 'logged-out'];

export interface AgentStateLook {
  readonly label: string;
  readonly group: AgentStateGroup;
  /** A shape that says the state without colour. */
  readonly icon: string;
  /** Tailwind classes for the cell: background, border and text colour. */
  readonly className: string;
}

const READY: AgentStateLook = { label: 'Ready', group: 'ready', icon: '●', className: 'bg-emerald-900 border-emerald-400 text-emerald-50' };
const RINGING = { group: 'on-call', icon: '◉', className: 'bg-cyan-900 border-cyan-300 text-cyan-50' } as const;
const TALKING = { group: 'on-call', icon: '■', className: 'bg-sky-900 border-sky-400 text-sky-50' } as const;

const LOOKS: Readonly<Record<string, AgentStateLook>> = {
  WaitForNextCall: READY,
  CallRinging: { ...RINGING, label: 'Ringing' },
  CallDialing: { ...RINGING, label: 'Dialing' },
  CallInbound: { ...TALKING, label: 'Inbound call' },
  CallOutbound: { ...TALKING, label: 'Outbound call' },
  CallInternal: { ...TALKING, label: 'Internal call' },
  CallConsult: { ...TALKING, label: 'Consulting' },
  CallUnknown: { ...TALKING, label: 'On a call' },
  CallOnHold: { ...TALKING, label: 'On hold', icon: '▣' },
  AfterCallWork: { label: 'After-call work', group: 'after-call-work', icon: '◐', className: 'bg-violet-900 border-violet-300 text-violet-50' },
  NotReadyForNextCall: { label: 'Not ready', group: 'not-ready', icon: '▼', className: 'bg-amber-900 border-amber-300 text-amber-50' },
  LoggedOut: { label: 'Logged out', group: 'logged-out', icon: '○', className: 'bg-slate-900 border-slate-700 text-slate-400' },
};

const UNKNOWN_CLASS = 'bg-slate-800 border-slate-400 text-slate-100';
const NO_STATE: AgentStateLook = { label: 'No state yet', group: 'unknown', icon: '◇', className: UNKNOWN_CLASS };

/** A state this table does not know is shown by its own name, sorted before Logged out. */
export function agentStateLook(state: string | undefined): AgentStateLook {
  if (state === undefined) return NO_STATE;
  return (Object.hasOwn(LOOKS, state) ? LOOKS[state] : undefined) ?? { label: state, group: 'unknown', icon: '◇', className: UNKNOWN_CLASS };
}
