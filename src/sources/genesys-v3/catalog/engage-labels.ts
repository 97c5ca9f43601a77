import { wallboardStatistic } from '../../../vocabulary/statistics.ts';

/**
 * What a person reads for a statistics.yaml name (those names are for machines). The wallboard's
 * own statistics carry their label in the vocabulary; these are the Engage-only ones. A name not
 * listed is shown as it is.
 */
const LABELS: Readonly<Record<string, string>> = {
  CurrentNumberLoggedInAgents: 'Logged in',
  AverageHandlingTime: 'Average handling',
  CurrentTargetState: 'Target state',
  TimeInCurrentState: 'Time in state',
  Productivity: 'Productivity',
  InboundCalls: 'Inbound calls',
  ReadyDuration: 'Ready time',
  WrapDuration: 'Wrap-up time',
  TalkDuration: 'Talk time',
};

export function engageStatisticLabel(statistic: string): string {
  return wallboardStatistic(statistic)?.label ?? (Object.hasOwn(LABELS, statistic) ? (LABELS[statistic] ?? statistic) : statistic);
}
