/**
 * What a person reads for a statistic's configured name (statistics.yaml names are for machines).
 * A name not listed here is shown as it is.
 */
const LABELS: Readonly<Record<string, string>> = {
  ServiceLevel: 'Service level',
  Current_In_Queue: 'In queue',
  CurrMaxCallWaitingTime: 'Longest wait',
  Total_Answered: 'Answered',
  Total_Abandoned: 'Abandoned',
  AverageWaitingTime: 'Average wait',
  CurrentReadyAgents: 'Ready',
  CurrentNotReadyAgents: 'Not ready',
  CurrNumberInCall: 'In call',
  CurrentNumberLoggedInAgents: 'Logged in',
  LongestIdleTime: 'Longest idle',
  AverageHandlingTime: 'Average handling',
  CurrentAgentState: 'Agent state',
  CurrentTargetState: 'Target state',
  TimeInCurrentState: 'Time in state',
  Productivity: 'Productivity',
  InboundCalls: 'Inbound calls',
  ReadyDuration: 'Ready time',
  WrapDuration: 'Wrap-up time',
  TalkDuration: 'Talk time',
};

export function statisticLabel(statistic: string): string {
  return Object.hasOwn(LABELS, statistic) ? (LABELS[statistic] ?? statistic) : statistic;
}
