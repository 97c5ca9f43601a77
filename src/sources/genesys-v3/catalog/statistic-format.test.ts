import { describe, expect, it } from 'vitest';
import { defaultFormat } from './statistic-format.ts';
import { shippedCatalog } from './test-catalog.ts';

const of = (category: string): ReturnType<typeof defaultFormat> => defaultFormat({ definition: { category, subject: 'DNAction' } });

describe('defaultFormat', () => {
  it.each([
    ['ServiceFactor1', 'percent'],
    ['TotalNumberInTimeRangePercentage', 'percent'],
    ['CurrentMaxTime', 'duration'],
    ['AverageTime', 'duration'],
    ['TotalAdjustedTime', 'duration'],
    ['AverageNumberPerRelativeHour', 'decimal'],
    ['TotalNumber', 'count'],
    ['CurrentNumber', 'count'],
    ['CurrentState', undefined],
    ['CurrentTargetState', undefined],
    ['SomethingNew', 'decimal'],
  ])('should show %s as %s', (category, format) => {
    expect(of(category)).toBe(format);
  });

  it('should agree with the formats the shipped boards give the catalog statistics', () => {
    const formats = Object.fromEntries(shippedCatalog().statistics.map((e) => [e.name, defaultFormat(e)]));
    expect(formats).toMatchObject({
      ServiceLevel: 'percent',
      Current_In_Queue: 'count',
      CurrMaxCallWaitingTime: 'duration',
      AverageWaitingTime: 'duration',
      LongestIdleTime: 'duration',
      Productivity: 'decimal',
      CurrentAgentState: undefined,
    });
  });
});
