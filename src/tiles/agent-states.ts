import type { AgentStateValue } from '../sources/stat-source.ts';
import { agentStateLabel, type AgentState } from '../vocabulary/agent-states.ts';

/**
 * How each of the wallboard's agent states (src/vocabulary/agent-states.ts) looks and sorts. Every
 * state has a shape as well as a colour so the grid reads for colour-blind viewers.
 *
 * Sort order, on purpose: who can take a call now (ready), who is busy with one (ringing, on a
 * call), who is finishing one (after-call work), who is away (not ready), states a source could not
 * name, and last, de-emphasised, who is not working (logged out).
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

const UNKNOWN_CLASS = 'bg-slate-800 border-slate-400 text-slate-100';

const LOOKS: Readonly<Record<AgentState, Omit<AgentStateLook, 'label'>>> = {
  ready: { group: 'ready', icon: '●', className: 'bg-emerald-900 border-emerald-400 text-emerald-50' },
  ringing: { group: 'on-call', icon: '◉', className: 'bg-cyan-900 border-cyan-300 text-cyan-50' },
  'on-call': { group: 'on-call', icon: '■', className: 'bg-sky-900 border-sky-400 text-sky-50' },
  'after-call-work': { group: 'after-call-work', icon: '◐', className: 'bg-violet-900 border-violet-300 text-violet-50' },
  'not-ready': { group: 'not-ready', icon: '▼', className: 'bg-amber-900 border-amber-300 text-amber-50' },
  'logged-out': { group: 'logged-out', icon: '○', className: 'bg-slate-900 border-slate-700 text-slate-400' },
  unknown: { group: 'unknown', icon: '◇', className: UNKNOWN_CLASS },
};

const NO_STATE: AgentStateLook = { label: 'No state yet', group: 'unknown', icon: '◇', className: UNKNOWN_CLASS };

/** The look of a state, labelled with the source's own word for it when it has one ("On hold", "Break"). */
export function agentStateLook(value: Pick<AgentStateValue, 'state' | 'label'> | undefined): AgentStateLook {
  if (value === undefined) return NO_STATE;
  return { ...LOOKS[value.state], label: value.label ?? agentStateLabel(value.state) };
}
