import { describe, expect, it } from 'vitest';
import { aggregatesBody, totalsValue, type QueueTotals } from './gc-aggregates.ts';

const totals = (entries: Record<string, Record<string, number>>): QueueTotals => new Map(Object.entries(entries));

describe("today's totals", () => {
  it('should ask for today by queue or by requested skill', () => {
    const from = Date.UTC(2026, 10, 23);
    expect(aggregatesBody('requestedRoutingSkillId', ['s1'], from, from + 3_600_000)).toEqual({
      interval: '2026-11-23T00:00:00.000Z/2026-11-23T01:00:00.000Z',
      groupBy: ['requestedRoutingSkillId'],
      filter: { type: 'or', predicates: [{ type: 'dimension', dimension: 'requestedRoutingSkillId', operator: 'matches', value: 's1' }] },
      metrics: ['nOffered', 'tAnswered', 'tAbandon', 'oServiceLevel'],
    });
  });

  it('should derive the wallboard statistics: counts, speed of answer in seconds, service level in percent', () => {
    const t = totals({ tAnswered: { count: 3, sum: 25_000 }, tAbandon: { count: 1 }, nOffered: { count: 4 }, oServiceLevel: { numerator: 2, denominator: 3 } });
    expect(totalsValue(t, 'Total_Answered')).toBe(3);
    expect(totalsValue(t, 'Total_Abandoned')).toBe(1);
    expect(totalsValue(t, 'gc-offered')).toBe(4);
    expect(totalsValue(t, 'AverageWaitingTime')).toBe(8.3);
    expect(totalsValue(t, 'ServiceLevel')).toBe(66.67);
  });

  it('should give no value, never 0, for what the answer leaves out', () => {
    const t = totals({ tAnswered: { count: 0 } });
    for (const statistic of ['Total_Abandoned', 'gc-offered', 'AverageWaitingTime', 'ServiceLevel']) expect(totalsValue(t, statistic)).toBeNull();
    for (const statistic of ['Total_Answered', 'ServiceLevel']) expect(totalsValue(undefined, statistic)).toBeNull();
    expect(totalsValue(totals({ oServiceLevel: { numerator: 0, denominator: 0 } }), 'ServiceLevel')).toBeNull();
  });
});
