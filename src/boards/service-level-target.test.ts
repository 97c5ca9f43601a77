// @vitest-environment node
// Node: the mock's catalog is read from its file.
import { describe, expect, it } from 'vitest';
import { loadStatisticsCatalog } from '../../mock-server/stats/statistics-catalog.ts';
import { serviceLevelDefinition, serviceLevelTargetProblem, serviceLevelTargetText } from './service-level-target.ts';

describe('service-level targets', () => {
  it('should change only the answer-time range of the catalog definition', () => {
    expect(serviceLevelDefinition('ServiceLevel', 20)).toEqual({
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
    expect(serviceLevelDefinition('Current_In_Queue', 20)).toBeUndefined();
  });

  it('should know ServiceLevel exactly as the catalog (002 sample statistics.yaml, served by the mock) defines it, for queues and skills', () => {
    const catalog = loadStatisticsCatalog();
    for (const objectType of ['QUEUE', 'SKILL_Q'] as const) {
      const entry = catalog.find('ServiceLevel', objectType);
      expect(entry?.notification).toMatchObject({ mode: 'Periodical', frequencySec: 10 });
      const { notificationMode: _mode, notificationFrequency: _frequency, ...definition } = serviceLevelDefinition('ServiceLevel', 120) ?? {};
      expect(definition).toEqual(entry?.definition);
    }
  });

  it('should take a target only on a queue’s service level, and say why otherwise', () => {
    expect(serviceLevelTargetProblem('ServiceLevel', 'Queue')).toBeUndefined();
    expect(serviceLevelTargetProblem('Current_In_Queue', 'Queue')).toMatch(/only a service-level statistic \(ServiceLevel\).*"Current_In_Queue"/);
    expect(serviceLevelTargetProblem('ServiceLevel', 'GroupAgents')).toMatch(/Queue.*not for GroupAgents/);
  });

  it('should say the target in words', () => {
    expect(serviceLevelTargetText(20)).toBe('answered within 20 s');
  });
});
