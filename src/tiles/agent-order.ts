import type { StatValue } from '../store/stat-value.ts';
import { AGENT_STATE_GROUP_ORDER } from './agent-states.ts';
import { agentStateLook } from './agent-states.ts';
import { agentState, enteredAtLocal } from './agent-time-in-state.ts';

/**
 * Where an agent's cell goes in the grid, as a CSS `order`: by state group (agent-states.ts), then
 * longest in the state first. Each cell places itself, so a state change re-renders one cell and
 * not the grid (the store hands out one key per subscriber). Time in state grows at the same rate
 * for everyone, so the order is computed from when the agent entered the state and never needs a
 * tick. Values stay within CSS's 32-bit integers: the group times 10^8, plus seconds from an epoch
 * (the first entry time this page saw; clamped to ±4·10^7 s, more than a year).
 */
const GROUP_STEP = 100_000_000;
const SECONDS_RANGE = 40_000_000;
let epoch: number | undefined;

export function agentGroupRank(value: StatValue | undefined): number {
  const group = agentStateLook(agentState(value)).group;
  return AGENT_STATE_GROUP_ORDER.indexOf(group);
}

export function agentOrder(value: StatValue | undefined): number {
  const rank = agentGroupRank(value);
  const entered = value ? enteredAtLocal(value) : undefined;
  if (entered !== undefined) epoch ??= entered;
  const seconds = entered === undefined || epoch === undefined ? SECONDS_RANGE : Math.round((entered - epoch) / 1000);
  return rank * GROUP_STEP + Math.min(SECONDS_RANGE, Math.max(-SECONDS_RANGE, seconds));
}
