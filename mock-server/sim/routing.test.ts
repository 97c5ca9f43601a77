import { describe, expect, it } from 'vitest';
import { pickAgentForSkill, pickCallForAgent } from './routing.ts';
import type { AgentStatus } from './sim-types.ts';

const agent = (name: string, status: AgentStatus, since: number, skills: string[]) => ({
  name,
  status,
  since,
  skills: new Set(skills),
});

describe('routing', () => {
  it('should pick the ready agent with the skill who has been idle longest', () => {
    const agents = [
      agent('busy', 'CallInbound', 0, ['a']),
      agent('recent', 'WaitForNextCall', 300, ['a']),
      agent('unskilled', 'WaitForNextCall', 100, ['b']),
      agent('longest', 'WaitForNextCall', 200, ['a', 'b']),
      agent('tied', 'WaitForNextCall', 200, ['a']),
    ];
    expect(pickAgentForSkill(agents, 'a')?.name).toBe('longest');
    expect(pickAgentForSkill(agents, 'b')?.name).toBe('unskilled');
    expect(pickAgentForSkill(agents, 'c')).toBeUndefined();
  });

  it('should pick the longest-waiting call among the queues the agent can serve', () => {
    const call = (id: string, arrivedAt: number, seq: number) => [id, { id, arrivedAt, seq }] as const;
    const queues = [
      { skillId: 'a', waiting: new Map([call('a1', 500, 5), call('a2', 600, 6)]) },
      { skillId: 'b', waiting: new Map([call('b1', 400, 4)]) },
      { skillId: 'c', waiting: new Map([call('c1', 100, 1)]) },
      { skillId: 'd', waiting: new Map([call('d1', 400, 3)]) },
    ];
    expect(pickCallForAgent(queues, new Set(['a', 'b']))?.id).toBe('b1');
    expect(pickCallForAgent(queues, new Set(['a']))?.id).toBe('a1');
    expect(pickCallForAgent(queues, new Set(['b', 'd']))?.id).toBe('d1');
    expect(pickCallForAgent(queues, new Set(['x']))).toBeUndefined();
  });
});
