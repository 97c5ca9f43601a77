import type { AgentState } from '../../vocabulary/agent-states.ts';

interface MappedState {
  readonly state: AgentState;
  /** Stat Server's distinction within the state, when it says more than the state's own label. */
  readonly label?: string;
}

/** Stat Server's status names (docs/vendors/genesys-engage.md "Agent states") in the wallboard's words. */
const STATES: Readonly<Record<string, MappedState>> = {
  WaitForNextCall: { state: 'ready' },
  CallRinging: { state: 'ringing' },
  CallDialing: { state: 'ringing', label: 'Dialing' },
  CallInbound: { state: 'on-call', label: 'Inbound call' },
  CallOutbound: { state: 'on-call', label: 'Outbound call' },
  CallInternal: { state: 'on-call', label: 'Internal call' },
  CallConsult: { state: 'on-call', label: 'Consulting' },
  CallUnknown: { state: 'on-call' },
  CallOnHold: { state: 'on-call', label: 'On hold' },
  AfterCallWork: { state: 'after-call-work' },
  NotReadyForNextCall: { state: 'not-ready' },
  LoggedOut: { state: 'logged-out' },
};

/** A status this table does not know is `unknown`, shown by its own name. */
export function engageAgentState(status: string): MappedState {
  return (Object.hasOwn(STATES, status) ? STATES[status] : undefined) ?? { state: 'unknown', label: status };
}
