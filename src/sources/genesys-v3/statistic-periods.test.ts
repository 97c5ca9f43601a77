import { describe, expect, it } from 'vitest';
import type { EngageSpec } from './engage-spec.ts';
import { engageSpec } from './test-support/engage-spec.ts';
import { isAgentStateSpec, notificationPeriodMs } from './statistic-periods.ts';

const spec = (statistic: EngageSpec['statistic'], objectType = 'Queue'): EngageSpec => engageSpec(objectType, 'x', statistic);

describe('statistic periods', () => {
  it('should promise 10 s for pre-configured statistics and nothing for agent states', () => {
    expect(notificationPeriodMs(spec('ServiceLevel'))).toBe(10_000);
    expect(notificationPeriodMs(spec('LongestIdleTime', 'GroupAgents'))).toBe(10_000);
    expect(notificationPeriodMs(spec('CurrentAgentState', 'Agent'))).toBeUndefined();
    expect(notificationPeriodMs(spec('CurrentTargetState', 'Agent'))).toBeUndefined();
  });

  it('should read an inline definition’s notification mode and frequency', () => {
    expect(notificationPeriodMs(spec({ category: 'CurrentNumber', notificationMode: 'Periodical', notificationFrequency: 30 }))).toBe(30_000);
    expect(notificationPeriodMs(spec({ category: 'CurrentNumber', notificationMode: 'PERIODICAL' }))).toBe(10_000);
    expect(notificationPeriodMs(spec({ category: 'CurrentNumber' }))).toBe(10_000);
    expect(notificationPeriodMs(spec({ category: 'CurrentNumber', notificationMode: 'Immediate' }))).toBeUndefined();
    expect(notificationPeriodMs(spec({ category: 'CurrentNumber', notificationMode: 'Periodical', notificationFrequency: 0 }))).toBeUndefined();
  });

  it('should know which statistics are agent states', () => {
    expect(isAgentStateSpec(spec('CurrentAgentState', 'Agent'))).toBe(true);
    expect(isAgentStateSpec(spec({ category: 'CurrentState', subject: 'DNAction' }, 'Agent'))).toBe(true);
    expect(isAgentStateSpec(spec('ServiceLevel'))).toBe(false);
  });
});
