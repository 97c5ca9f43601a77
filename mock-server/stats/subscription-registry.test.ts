import { describe, expect, it } from 'vitest';
import type { ActivityChanges } from './change-watch.ts';
import { compileDefinition } from './compile-definition.ts';
import type { CurrentValue, ResolvedStatistic } from './stat-engine.ts';
import type { NotificationSettings } from './statistic-definition.ts';
import { createSubscriptionRegistry, type SubscriptionRegistry } from './subscription-registry.ts';

const T0 = 1_700_000_000_000;

function statistic(queueId: string, notification: NotificationSettings): ResolvedStatistic {
  const compiled = compileDefinition({ category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' }, 'queue');
  if (!compiled.ok) throw new Error(compiled.message);
  return {
    object: { key: `queue:${queueId}`, kind: 'queue', catalogType: 'QUEUE', id: queueId },
    compiled: compiled.statistic,
    notification,
    evalKey: `waiting-${notification.mode}`,
  };
}

const changesBased = (queueId: string): ResolvedStatistic => statistic(queueId, { mode: 'Changes', frequencySec: 0, insensitivity: 1 });
const everySecond = (queueId: string): ResolvedStatistic => statistic(queueId, { mode: 'Periodical', frequencySec: 1, insensitivity: 0 });

/** A registry over values the test sets by queue, with an activity feed the test fills. */
function setup(options: { feed?: boolean; movesWithTime?: (s: ResolvedStatistic) => boolean } = {}) {
  let now = T0;
  const values = new Map<string, number>();
  const evaluated: string[] = [];
  let changed = new Set<string>();
  const changes: ActivityChanges = {
    takeChanged() {
      const taken = changed;
      changed = new Set();
      return taken;
    },
    activityKey: (s) => s.object.id,
    movesWithTime: options.movesWithTime ?? (() => false),
  };
  const current = (s: ResolvedStatistic): CurrentValue => {
    evaluated.push(s.object.id);
    const n = values.get(s.object.id) ?? 0;
    return { value: { intValue: n, stringValue: String(n), tag: -1, intervalLength: 0, timestamp: now }, timestamp: now };
  };
  const registry = createSubscriptionRegistry({ current, now: () => now, ...(options.feed === false ? {} : { changes }) });
  const batches: Array<[string, string[]]> = [];
  registry.onNotifications((subscription, updates) => batches.push([subscription.id, updates.map((u) => `${u.statisticId}=${u.value.stringValue}`)]));
  return {
    registry,
    batches,
    evaluated,
    set(queueId: string, n: number) {
      values.set(queueId, n);
      changed.add(queueId);
    },
    advance(ms: number) {
      now += ms;
      registry.tick();
    },
  };
}

function openWith(registry: SubscriptionRegistry, id: string, statistics: Array<[string, ResolvedStatistic]>): void {
  registry.open({
    id,
    owner: 'session',
    tokenId: 'token',
    tokenExpiresAt: Number.MAX_SAFE_INTEGER,
    subject: 'supervisor',
    statistics: statistics.map(([statisticId, s]) => ({ statisticId, statistic: s, name: undefined, objectId: s.object.id, objectType: 'Queue' })),
  });
}

describe('subscription registry', () => {
  it('should evaluate a changes-based statistic only after its activity changed', () => {
    const t = setup();
    openWith(t.registry, 'sub', [['a', changesBased('q1')], ['b', changesBased('q2')]]);
    t.evaluated.length = 0;
    for (let i = 0; i < 10; i++) t.advance(100);
    expect(t.evaluated).toEqual([]);
    t.set('q2', 3);
    t.advance(100);
    expect(t.evaluated).toEqual(['q2']);
    expect(t.batches).toEqual([['sub', ['b=3']]]);
  });

  it('should evaluate every changes-based statistic on every tick without an activity feed', () => {
    const t = setup({ feed: false });
    openWith(t.registry, 'sub', [['a', changesBased('q1')]]);
    t.evaluated.length = 0;
    t.advance(100);
    t.advance(100);
    expect(t.evaluated).toEqual(['q1', 'q1']);
  });

  it('should keep looking on every tick at a value that moves with time, until it no longer does', () => {
    let moving = true;
    const t = setup({ movesWithTime: () => moving });
    openWith(t.registry, 'sub', [['a', changesBased('q1')]]);
    t.evaluated.length = 0;
    t.advance(100);
    moving = false;
    t.advance(100);
    t.advance(100);
    expect(t.evaluated).toEqual(['q1', 'q1']);
  });

  it('should evaluate a periodical statistic only when it is due', () => {
    const t = setup();
    openWith(t.registry, 'sub', [['p', everySecond('q1')]]);
    t.evaluated.length = 0;
    for (let i = 0; i < 20; i++) t.advance(100);
    expect(t.evaluated).toEqual(['q1', 'q1']);
    expect(t.batches).toEqual([
      ['sub', ['p=0']],
      ['sub', ['p=0']],
    ]);
  });

  it('should send the batches of a tick in opening order with updates in the order of the statistics', () => {
    const t = setup();
    openWith(t.registry, 'first', [['a', changesBased('q2')], ['b', changesBased('q1')]]);
    openWith(t.registry, 'second', [['c', changesBased('q1')]]);
    t.set('q1', 1);
    t.set('q2', 2);
    t.advance(100);
    expect(t.batches).toEqual([
      ['first', ['a=2', 'b=1']],
      ['second', ['c=1']],
    ]);
  });

  it('should send nothing for a subscription a listener closed earlier in the tick', () => {
    const t = setup();
    openWith(t.registry, 'first', [['a', changesBased('q1')]]);
    openWith(t.registry, 'second', [['b', changesBased('q1')]]);
    t.registry.onNotifications((subscription) => {
      if (subscription.id === 'first') t.registry.close('second');
    });
    t.set('q1', 1);
    t.advance(100);
    expect(t.batches).toEqual([['first', ['a=1']]]);
    expect(t.registry.counts()).toEqual({ subscriptions: 1, statistics: 1 });
  });

  it('should look on the next tick at what a throwing listener kept it from', () => {
    const t = setup();
    openWith(t.registry, 'first', [['a', changesBased('q1')]]);
    openWith(t.registry, 'second', [['b', changesBased('q1')]]);
    let fail = true;
    t.registry.onNotifications(() => {
      if (fail) throw new Error('listener failed');
    });
    t.set('q1', 1);
    expect(() => t.advance(100)).toThrow('listener failed');
    fail = false;
    t.advance(100);
    expect(t.batches).toEqual([
      ['first', ['a=1']],
      ['second', ['b=1']],
    ]);
  });

  it('should forget what a subscription opened again under its id had', () => {
    const t = setup();
    openWith(t.registry, 'sub', [['a', changesBased('q1')], ['b', changesBased('q2')]]);
    openWith(t.registry, 'sub', [['c', changesBased('q2')]]);
    expect(t.registry.counts()).toEqual({ subscriptions: 1, statistics: 1 });
    t.set('q1', 1);
    t.set('q2', 2);
    t.advance(100);
    expect(t.batches).toEqual([['sub', ['c=2']]]);
  });
});
