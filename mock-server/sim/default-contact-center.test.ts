import { describe, expect, it } from 'vitest';
import { createDefaultContactCenter, MAX_AGENT_COUNT } from './default-contact-center.ts';
import type { AgentConfig } from './sim-types.ts';

function onShift(agent: AgentConfig, minute: number): boolean {
  const { startMinute, endMinute } = agent.shift;
  return startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
}

describe('createDefaultContactCenter', () => {
  const config = createDefaultContactCenter();

  it('should have the documented queues, skills and team groups', () => {
    expect(config.queues.map((q) => [q.id, q.skillId])).toEqual([
      ['sales', 'sales'],
      ['support', 'support'],
      ['billing', 'billing'],
      ['technical', 'tech'],
      ['vip', 'retention'],
      ['retention', 'retention'],
    ]);
    expect(config.skills.map((s) => s.id)).toEqual(['sales', 'support', 'billing', 'tech', 'retention']);
    expect(config.groups.map((g) => g.id)).toEqual(['team-north', 'team-south', 'team-east', 'team-west']);
    for (const q of config.queues) expect(q.channel).toBe('voice');
  });

  it('should have 40 agents with stable ids, unique e-mail user names and 1 to 3 known skills', () => {
    expect(config.agents.map((a) => a.id)).toEqual(
      Array.from({ length: 40 }, (_, i) => `agent-${String(i + 1).padStart(2, '0')}`),
    );
    expect(config.agents[0]?.userName).toBe('ava.lopez@demo.example');
    const skillIds = new Set(config.skills.map((s) => s.id));
    const groupIds = new Set(config.groups.map((g) => g.id));
    for (const agent of config.agents) {
      expect(agent.userName).toMatch(/^[a-z]+\.[a-z]+@demo\.example$/);
      expect(agent.skillIds.length).toBeGreaterThanOrEqual(1);
      expect(agent.skillIds.length).toBeLessThanOrEqual(3);
      expect(agent.skillIds.every((s) => skillIds.has(s))).toBe(true);
      expect(agent.groupIds).toHaveLength(1);
      expect(agent.groupIds.every((g) => groupIds.has(g))).toBe(true);
    }
    expect(new Set(config.agents.map((a) => a.userName)).size).toBe(40);
    expect(new Set(config.agents.map((a) => `${a.firstName} ${a.lastName}`)).size).toBe(40);
    for (const group of config.groups) {
      expect(config.agents.filter((a) => a.groupIds.includes(group.id)).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('should staff the center around the clock: about 8-12 agents at night, 30 or more at the peaks', () => {
    const count = (minute: number): number => config.agents.filter((a) => onShift(a, minute)).length;
    for (const hour of [0, 1, 2, 3, 4, 23]) {
      expect(count(hour * 60)).toBeGreaterThanOrEqual(8);
      expect(count(hour * 60)).toBeLessThanOrEqual(12);
    }
    expect(count(10 * 60 + 30)).toBeGreaterThanOrEqual(30);
    expect(count(14 * 60 + 30)).toBeGreaterThanOrEqual(30);
  });

  it('should have several agents on shift for every skill at every time of day', () => {
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      for (const skill of config.skills) {
        const holders = config.agents.filter((a) => onShift(a, minute) && a.skillIds.includes(skill.id));
        expect(holders.length, `${skill.id} at minute ${minute}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('should return a fresh copy every time', () => {
    const a = createDefaultContactCenter();
    const b = createDefaultContactCenter();
    expect(a).toEqual(b);
    expect(a.queues[0]).not.toBe(b.queues[0]);
    expect(a.agents[0]).not.toBe(b.agents[0]);
  });

  it('should grow to a bigger floor on request, the first forty unchanged and every agent named uniquely', () => {
    const big = createDefaultContactCenter({ agents: 130 });
    expect(big.agents).toHaveLength(130);
    expect(big.agents.slice(0, 40)).toEqual(createDefaultContactCenter().agents);
    expect(new Set(big.agents.map((a) => a.id)).size).toBe(130);
    expect(new Set(big.agents.map((a) => a.userName)).size).toBe(130);
    expect(big.agents[40]).toMatchObject({ id: 'agent-41', skillIds: big.agents[0]?.skillIds, groupIds: big.agents[0]?.groupIds });
    expect(new Set(createDefaultContactCenter({ agents: MAX_AGENT_COUNT }).agents.map((a) => a.userName)).size).toBe(MAX_AGENT_COUNT);
  });

  it('should refuse an agent count it cannot name', () => {
    expect(() => createDefaultContactCenter({ agents: 0 })).toThrow(RangeError);
    expect(() => createDefaultContactCenter({ agents: MAX_AGENT_COUNT + 1 })).toThrow(RangeError);
    expect(() => createDefaultContactCenter({ agents: 2.5 })).toThrow(RangeError);
  });
});
