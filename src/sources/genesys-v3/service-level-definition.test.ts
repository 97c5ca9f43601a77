// @vitest-environment node
// Node: the mock's catalog is read from its file.
import { describe, expect, it } from 'vitest';
import { loadStatisticsCatalog } from '../../../mock-server/stats/statistics-catalog.ts';
import { answerTimeTargetDefinition } from './service-level-definition.ts';

describe('answer-time targets on Genesys Engage', () => {
  it('should change only the answer-time range of the catalog definition', () => {
    expect(answerTimeTargetDefinition('ServiceLevel', 20)).toEqual({
      category: 'ServiceFactor1',
      subject: 'DNAction',
      intervalType: 'GrowingWindow',
      dynamicTimeProfile: '0:00+1:00',
      timeRangeLeft: 0,
      timeRangeRight: 20,
      timeRangeLeft2: 0,
      timeRangeRight2: 10,
      notificationMode: 'Periodical',
      notificationFrequency: 10,
    });
    expect(answerTimeTargetDefinition('Current_In_Queue', 20)).toBeUndefined();
  });

  it('should know ServiceLevel exactly as the catalog (the sample statistics.yaml, served by the mock) defines it, for queues and skills', () => {
    const catalog = loadStatisticsCatalog();
    for (const objectType of ['QUEUE', 'SKILL_Q'] as const) {
      const entry = catalog.find('ServiceLevel', objectType);
      expect(entry?.notification).toMatchObject({ mode: 'Periodical', frequencySec: 10 });
      const { notificationMode: _mode, notificationFrequency: _frequency, ...definition } = answerTimeTargetDefinition('ServiceLevel', 120) ?? {};
      expect(definition).toEqual(entry?.definition);
    }
  });
});
