import { describe, expect, it } from 'vitest';
import { defaultThresholds as linesFor, type DefaultThresholdOptions } from '../../../vocabulary/default-thresholds.ts';
import { thresholdRuleOf } from './threshold-rule.ts';
import type { StatisticCatalogEntry } from './statistic-catalog.ts';

const defaultThresholds = (entry: Pick<StatisticCatalogEntry, 'objectType' | 'definition'>, options: DefaultThresholdOptions) => linesFor(thresholdRuleOf(entry), options);
import { shippedCatalog, shippedEntry } from './test-catalog.ts';

const TARGET = { serviceLevelTargetPercent: 80 };

describe('thresholdRuleOf, with the default lines of its rule', () => {
  it('should warn below the service-level target and turn critical 10 points under it', () => {
    expect(defaultThresholds(shippedEntry('ServiceLevel', 'QUEUE'), TARGET)).toEqual([
      { when: 'below', value: 80, level: 'warning' },
      { when: 'below', value: 70, level: 'critical' },
    ]);
    expect(defaultThresholds(shippedEntry('ServiceLevel', 'SKILL_Q'), { serviceLevelTargetPercent: 95 })).toEqual([
      { when: 'below', value: 95, level: 'warning' },
      { when: 'below', value: 85, level: 'critical' },
    ]);
  });

  it('should leave out a critical line that would be at or below 0 %', () => {
    expect(defaultThresholds(shippedEntry('ServiceLevel', 'QUEUE'), { serviceLevelTargetPercent: 10 })).toEqual([{ when: 'below', value: 10, level: 'warning' }]);
  });

  it('should treat the in-range percentage of answered calls as a service level too', () => {
    const inRange = { objectType: 'Queue', definition: { category: 'TotalNumberInTimeRangePercentage', subject: 'DNAction', mainMask: 'CallAnswered', timeRangeRight: 60 } } as const;
    expect(defaultThresholds(inRange, TARGET).map((t) => t.value)).toEqual([80, 70]);
  });

  it.each([
    ['Current_In_Queue', 'QUEUE', [5, 10]],
    ['Current_In_Queue', 'SKILL_Q', [5, 10]],
    ['CurrMaxCallWaitingTime', 'QUEUE', [60, 120]],
    ['LongestIdleTime', 'SKILL_AG', [300, 600]],
  ] as const)('should warn and then alarm above the lines of %s (%s)', (name, type, [warning, critical]) => {
    expect(defaultThresholds(shippedEntry(name, type), TARGET)).toEqual([
      { when: 'above', value: warning, level: 'warning' },
      { when: 'above', value: critical, level: 'critical' },
    ]);
  });

  it('should give every other statistic no thresholds', () => {
    const known = new Set(['ServiceLevel', 'Current_In_Queue', 'CurrMaxCallWaitingTime', 'LongestIdleTime']);
    for (const entry of shippedCatalog().statistics.filter((e) => !known.has(e.name))) {
      expect(defaultThresholds(entry, TARGET), entry.name).toEqual([]);
    }
  });
});
