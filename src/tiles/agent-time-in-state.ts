import type { AgentStateValue } from '../sources/stat-source.ts';
import type { StatValue } from '../store/stat-value.ts';

export function agentState(value: StatValue | undefined): AgentStateValue | undefined {
  return value && value.value !== null && typeof value.value === 'object' ? value.value : undefined;
}

/**
 * When, on this browser's clock, the agent entered the state. `since` is on the server's clock
 * (which may be skewed, or simulated faster than real time), so it is only compared with the
 * server's own timestamp of the value: how long the agent had been in the state when the server
 * sent it, counted back from when it arrived here.
 */
export function enteredAtLocal(value: StatValue): number | undefined {
  const state = agentState(value);
  if (!state) return undefined;
  return value.receivedAt - Math.max(0, value.timestamp - state.since);
}

/** Seconds in the current state; moves with `now` only while live (a stale state is frozen, and says so). */
export function timeInStateSeconds(value: StatValue | undefined, now: number): number | null {
  if (!value) return null;
  const entered = enteredAtLocal(value);
  if (entered === undefined) return null;
  const until = value.status === 'live' ? now : value.receivedAt;
  return Math.max(0, until - entered) / 1000;
}
