import { describe, expect, it } from 'vitest';
import { serviceLevelTargetProblem, serviceLevelTargetText } from './service-level-target.ts';

describe('service-level targets', () => {
  it('should take a target only on the service level of a queue or a skill, and say why otherwise', () => {
    expect(serviceLevelTargetProblem('ServiceLevel', 'queue')).toBeUndefined();
    expect(serviceLevelTargetProblem('ServiceLevel', 'skill')).toBeUndefined();
    expect(serviceLevelTargetProblem('Current_In_Queue', 'queue')).toMatch(/only a service-level statistic \(ServiceLevel\).*"Current_In_Queue"/);
    expect(serviceLevelTargetProblem('ServiceLevel', 'agent-group')).toMatch(/queue or a skill, not for agent-group/);
  });

  it('should say the target in words', () => {
    expect(serviceLevelTargetText(20)).toBe('answered within 20 s');
  });
});
