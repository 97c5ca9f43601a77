import type { ObjectKind } from './object-kinds.ts';
import type { StatFormat } from './stat-formats.ts';

/**
 * The statistics a supervisor expects from any vendor (docs/vocabulary.md "Statistics"). Their ids
 * are the names board files have used since version 1, so files and `data-stat` stay stable; what
 * they mean is the wallboard's, and each source says how it supplies them, or that it cannot.
 * A source may offer more statistics of its own beside these.
 */
export const WALLBOARD_STATISTIC_IDS = [
  'ServiceLevel',
  'Current_In_Queue',
  'CurrMaxCallWaitingTime',
  'LongestIdleTime',
  'CurrentReadyAgents',
  'CurrentNotReadyAgents',
  'CurrNumberInCall',
  'Total_Answered',
  'Total_Abandoned',
  'AverageWaitingTime',
  'CurrentAgentState',
] as const;
export type WallboardStatisticId = (typeof WALLBOARD_STATISTIC_IDS)[number];

/** Which default warning lines a statistic gets in the editor (src/vocabulary/default-thresholds.ts). */
export type ThresholdRule = 'service-level' | 'calls-waiting' | 'oldest-call' | 'longest-idle';

export interface WallboardStatistic {
  readonly id: WallboardStatisticId;
  readonly label: string;
  /** What it means whatever the vendor; a source adds its own window and detail. */
  readonly meaning: string;
  /** `agent-state` is a state with the time it was entered, not a number. */
  readonly format: StatFormat | 'agent-state';
  /** The kinds of object it can be asked of, whichever source supplies it. */
  readonly kinds: readonly ObjectKind[];
  readonly thresholdRule?: ThresholdRule;
  /** A clock running since something began (oldest call, longest idle): tiles advance it between values. */
  readonly ticking?: boolean;
}

const GROUPS: readonly ObjectKind[] = ['queue', 'skill', 'agent-group'];
const CALLS: readonly ObjectKind[] = ['queue', 'skill'];

const STATISTICS: readonly WallboardStatistic[] = [
  { id: 'ServiceLevel', label: 'Service level', meaning: 'Share of calls answered within the target answer time.', format: 'percent', kinds: CALLS, thresholdRule: 'service-level' },
  { id: 'Current_In_Queue', label: 'In queue', meaning: 'Calls waiting to be answered now.', format: 'count', kinds: CALLS, thresholdRule: 'calls-waiting' },
  { id: 'CurrMaxCallWaitingTime', label: 'Longest wait', meaning: 'How long the oldest call still waiting has waited.', format: 'duration', kinds: CALLS, thresholdRule: 'oldest-call', ticking: true },
  { id: 'LongestIdleTime', label: 'Longest idle', meaning: 'How long the agent who has been ready the longest has waited for a call.', format: 'duration', kinds: GROUPS, thresholdRule: 'longest-idle', ticking: true },
  { id: 'CurrentReadyAgents', label: 'Ready', meaning: 'Agents ready to take a call now.', format: 'count', kinds: GROUPS },
  { id: 'CurrentNotReadyAgents', label: 'Not ready', meaning: 'Agents signed in but not taking calls now (break, meeting, …).', format: 'count', kinds: GROUPS },
  { id: 'CurrNumberInCall', label: 'In call', meaning: 'Agents on a call now.', format: 'count', kinds: GROUPS },
  { id: 'Total_Answered', label: 'Answered', meaning: 'Calls answered so far today.', format: 'count', kinds: CALLS },
  { id: 'Total_Abandoned', label: 'Abandoned', meaning: 'Calls abandoned by the caller while waiting, so far today.', format: 'count', kinds: CALLS },
  { id: 'AverageWaitingTime', label: 'Average wait', meaning: 'Average time answered calls waited before an agent took them, today.', format: 'duration', kinds: CALLS },
  { id: 'CurrentAgentState', label: 'Agent state', meaning: "The agent's state now and since when.", format: 'agent-state', kinds: ['agent'] },
];

const BY_ID: ReadonlyMap<string, WallboardStatistic> = new Map(STATISTICS.map((s) => [s.id, s]));

export function wallboardStatistics(): readonly WallboardStatistic[] {
  return STATISTICS;
}

/** The wallboard's statistic of that id, or undefined for a source's own statistic. */
export function wallboardStatistic(id: string): WallboardStatistic | undefined {
  return BY_ID.get(id);
}

/**
 * What a `weighted-mean` aggregate weighs each object's value by when the board does not say: a
 * percentage combines exactly only when weighted by what it is a percentage of, and answered calls
 * are the nearest count every source has (docs/boards.md "Aggregates"). Only the service level has
 * a default; for anything else a guess could be silently wrong.
 */
export function defaultWeightStatistic(statistic: string): WallboardStatisticId | undefined {
  return statistic === 'ServiceLevel' ? 'Total_Answered' : undefined;
}
