import { describe, expect, it } from 'vitest';
import { ActivityLog } from './activity-log.ts';
import { compileDefinition, type CompiledStatistic, type ObjectKind } from './compile-definition.ts';
import { evaluateStatistic, movesWithTime } from './evaluate-statistic.ts';
import type { StatDefinition } from './statistic-definition.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function compile(definition: StatDefinition, kind: ObjectKind): CompiledStatistic {
  const compiled = compileDefinition(definition, kind);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.statistic;
}

const waiting = compile({ category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' }, 'queue');
const longestWait = compile({ category: 'CurrentMaxTime', subject: 'DNAction', mainMask: 'CallWait' }, 'queue');
const answered = compile({ category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallAnswered', intervalType: 'GrowingWindow' }, 'queue');
const state = compile({ category: 'CurrentState', subject: 'AgentStatus' }, 'agent');

describe('movesWithTime', () => {
  it('should say a value moves with time exactly when evaluating it later on the same activity can differ', () => {
    const calls = new ActivityLog();
    calls.begin('c1', 'CallWait', T0);
    const agent = new ActivityLog();
    agent.begin('a1', 'WaitForNextCall', T0);
    const cases: Array<[CompiledStatistic, ActivityLog | undefined]> = [
      [waiting, calls],
      [waiting, undefined],
      [longestWait, calls],
      [answered, calls],
      [state, agent],
      [state, new ActivityLog()],
      [state, undefined],
    ];
    for (const [stat, log] of cases) {
      const before = evaluateStatistic(stat, log, T0 + 1000, T0);
      const after = evaluateStatistic(stat, log, T0 + 5000, T0 + 4000);
      if (!movesWithTime(stat, log)) expect(after).toEqual(before);
    }
    expect(cases.map(([stat, log]) => movesWithTime(stat, log))).toEqual([false, false, true, true, false, true, true]);
  });

  it('should count matching open activities and time the longest of them', () => {
    const calls = new ActivityLog();
    calls.begin('c1', 'CallWait', T0);
    calls.begin('c2', 'CallWait', T0 + 2000);
    calls.begin('c3', 'CallRinging', T0 - 9000);
    expect(evaluateStatistic(waiting, calls, T0 + 10_000, T0)).toEqual({ kind: 'number', value: 2 });
    expect(evaluateStatistic(longestWait, calls, T0 + 10_000, T0)).toEqual({ kind: 'number', value: 10 });
    expect(evaluateStatistic(longestWait, new ActivityLog(), T0, T0)).toEqual({ kind: 'number', value: 0 });
  });
});
