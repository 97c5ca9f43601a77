import { describe, expect, it } from 'vitest';
import { createChangeWatch, type ActivityChanges } from './change-watch.ts';
import { compileDefinition } from './compile-definition.ts';
import type { ResolvedStatistic } from './stat-engine.ts';

/** A changes-based count on a queue; only the object id matters to the fake feed below. */
function statisticOn(objectId: string): ResolvedStatistic {
  const compiled = compileDefinition({ category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' }, 'queue');
  if (!compiled.ok) throw new Error(compiled.message);
  return {
    object: { key: `queue:${objectId}`, kind: 'queue', catalogType: 'QUEUE', id: objectId },
    compiled: compiled.statistic,
    notification: { mode: 'Changes', frequencySec: 0, insensitivity: 1 },
    evalKey: `waiting@queue:${objectId}`,
  };
}

function feed(moving: Set<string>): ActivityChanges & { change(...keys: string[]): void } {
  let changed = new Set<string>();
  return {
    takeChanged() {
      const taken = changed;
      changed = new Set();
      return taken;
    },
    activityKey: (s) => s.object.id,
    movesWithTime: (s) => moving.has(s.object.id),
    change(...keys) {
      for (const k of keys) changed.add(k);
    },
  };
}

function due<E>(watch: { forEachDue(visit: (e: E) => void): void }): E[] {
  const seen: E[] = [];
  watch.forEachDue((e) => seen.push(e));
  return seen;
}

describe('change watch', () => {
  it('should name the entries whose activity changed since the previous look, once', () => {
    const changes = feed(new Set());
    const watch = createChangeWatch<string>(changes);
    watch.add('a1', statisticOn('q1'));
    watch.add('a2', statisticOn('q1'));
    watch.add('b', statisticOn('q2'));
    expect(due(watch)).toEqual([]);
    changes.change('q1', 'q3');
    expect(due(watch)).toEqual(['a1', 'a2']);
    expect(due(watch)).toEqual([]);
  });

  it('should name values that move with time on every look, until an evaluation says they no longer do', () => {
    const moving = new Set(['q1']);
    const watch = createChangeWatch<string>(feed(moving));
    watch.add('a', statisticOn('q1'));
    expect(due(watch)).toEqual(['a']);
    expect(due(watch)).toEqual(['a']);
    moving.delete('q1');
    watch.settle('a', statisticOn('q1'));
    expect(due(watch)).toEqual([]);
  });

  it('should forget a deleted entry', () => {
    const changes = feed(new Set(['q2']));
    const watch = createChangeWatch<string>(changes);
    watch.add('a', statisticOn('q1'));
    watch.add('b', statisticOn('q2'));
    watch.delete('a');
    watch.delete('b');
    changes.change('q1', 'q2');
    expect(due(watch)).toEqual([]);
  });

  it('should name every entry on every look without a feed', () => {
    const watch = createChangeWatch<string>(undefined);
    watch.add('a', statisticOn('q1'));
    watch.settle('a', statisticOn('q1'));
    expect(due(watch)).toEqual(['a']);
    expect(due(watch)).toEqual(['a']);
  });
});
