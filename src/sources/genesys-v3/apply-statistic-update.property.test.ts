import { engageAgentState } from './engage-agent-states.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceUpdate } from '../stat-source.ts';
import type { EngageSpec as StatSpec } from './engage-spec.ts';
import { engageSpec } from './test-support/engage-spec.ts';

const statKey = (s: StatSpec): string => s.key;
import { applyStatisticUpdate, type UnheldSubscriptions } from './apply-statistic-update.ts';
import { parseStatisticUpdate } from './notification-schemas.ts';
import { createSubscriptionBook, type SubscriptionBook } from './subscription-book.ts';
import { createRecordingSink, type RecordingSink } from './test-support/recording-sink.ts';

/**
 * Properties of the CometD edge (docs/vendors/genesys-engage.md §2.9, §2.10.3): a raw StatisticUpdate `data`, whatever
 * it holds, reaches the sink only as showable values (null, a finite number, an agent state), for
 * keys this adapter holds; everything else is counted as dropped, one statistic never lost silently.
 */

const RUNS = { numRuns: 300 };

const queueSpec = (objectId: string, statistic: string): StatSpec => engageSpec('Queue', objectId, statistic);
const agentSpec = (objectId: string): StatSpec => engageSpec('Agent', objectId, 'CurrentAgentState');

/** What the book holds: two subscriptions, numeric and agent-state statistics. */
const HELD = [
  { subscriptionId: 'sub-1', statisticId: 's1', spec: queueSpec('sales', 'ServiceLevel') },
  { subscriptionId: 'sub-1', statisticId: 's2', spec: queueSpec('sales', 'Current_In_Queue') },
  { subscriptionId: 'sub-1', statisticId: 's3', spec: agentSpec('agent-1') },
  { subscriptionId: 'sub-2', statisticId: 's1', spec: queueSpec('billing', 'AverageHandlingTime') },
  { subscriptionId: 'sub-2', statisticId: 's2', spec: agentSpec('agent-2') },
] as const;
const AGENT_KEYS = new Set(HELD.filter((h) => h.spec.statistic === 'CurrentAgentState').map((h) => statKey(h.spec)));
const HELD_KEYS = new Set(HELD.map((h) => statKey(h.spec)));
const HELD_SUBSCRIPTIONS = new Set<string>(HELD.map((h) => h.subscriptionId));

interface Rig {
  readonly book: SubscriptionBook;
  readonly sink: RecordingSink;
  readonly unheld: UnheldSubscriptions;
  readonly strays: string[];
}

function rig(): Rig {
  const book = createSubscriptionBook();
  book.want(HELD.map((h) => h.spec));
  for (const subscriptionId of HELD_SUBSCRIPTIONS) {
    const statistics = HELD.filter((h) => h.subscriptionId === subscriptionId).map((h) => ({ statisticId: h.statisticId, key: statKey(h.spec) }));
    book.recordOpened(subscriptionId, statistics, 0);
  }
  const strays: string[] = [];
  return { book, sink: createRecordingSink(), strays, unheld: { isSettling: () => false, deleteStray: (id) => void strays.push(id) } };
}

function apply(data: unknown): Rig {
  const r = rig();
  applyStatisticUpdate(data, r.book, r.unheld, r.sink);
  return r;
}

/** What the sink was told obeys the edge's rules, whatever came in. */
function expectOnlyShowable(r: Rig): SourceUpdate[] {
  const updates = r.sink.updateBatches.flat();
  expect(r.sink.updateBatches.every((batch) => batch.length > 0)).toBe(true);
  for (const update of updates) {
    expect(HELD_KEYS.has(update.key), `update for a key nobody holds: ${update.key}`).toBe(true);
    expect(Number.isFinite(update.timestamp)).toBe(true);
    const { value } = update;
    if (value === null) continue;
    if (typeof value === 'number') {
      expect(AGENT_KEYS.has(update.key), 'a number on an agent-state statistic').toBe(false);
      expect(Number.isFinite(value), `${String(value)} would be shown for ${update.key}`).toBe(true);
    } else {
      expect(AGENT_KEYS.has(update.key), 'an agent state on a numeric statistic').toBe(true);
      expect(typeof value.state === 'string' && value.state.length > 0).toBe(true);
      expect(Number.isFinite(value.since)).toBe(true);
    }
  }
  for (const drop of r.sink.drops) {
    expect(typeof drop.reason).toBe('string');
    expect(Number.isInteger(drop.count) && drop.count > 0).toBe(true);
  }
  for (const id of r.strays) expect(HELD_SUBSCRIPTIONS.has(id)).toBe(false);
  expect(r.sink.statusBatches).toEqual([]);
  expect(r.sink.connections).toEqual([]);
  return updates;
}

// ---- arbitraries -------------------------------------------------------------------------------

const NASTY_STRINGS = [
  'NaN', '1e309', '-1e309', 'Infinity', '-Infinity', '0x10', ' 12 ', '12.', '.5', '+5', '', '   ', 'null', 'true', 'Error',
  'WaitForNextCall', 'Not a state', '-0', '9'.repeat(400), `-${'9'.repeat(400)}`, `1${'0'.repeat(309)}.5`, `0.${'0'.repeat(400)}1`,
];
const nastyNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE);
const anyNumber = fc.oneof(fc.double(), fc.integer(), nastyNumber);
const hugeDigits = fc.tuple(fc.constantFrom('', '-'), fc.integer({ min: 300, max: 1_000 })).map(([sign, length]) => `${sign}${'8'.repeat(length)}`);
const stringValueText = fc.oneof(fc.constantFrom(...NASTY_STRINGS), hugeDigits, fc.string(), fc.integer().map(String));
const garbage = fc.oneof(fc.anything(), anyNumber, stringValueText, fc.constantFrom(null, undefined, [], {}, true));
const nearMissValue = fc.oneof(
  { weight: 4, arbitrary: fc.record(
    {
      // Mostly the right type, so the odd numbers and strings get past the type checks to the parsing itself.
      intValue: fc.oneof({ weight: 3, arbitrary: anyNumber }, garbage),
      stringValue: fc.oneof({ weight: 4, arbitrary: stringValueText }, garbage),
      timestamp: fc.oneof({ weight: 3, arbitrary: anyNumber }, garbage),
      reasonCode: fc.oneof({ weight: 3, arbitrary: fc.string() }, garbage),
      tag: garbage,
    },
    { requiredKeys: [] },
  ) },
  fc.record({ value: fc.oneof(anyNumber, garbage) }),
  anyNumber,
  garbage,
);

const held = fc.constantFrom(...HELD);
/** A statistic entry whose ids point at held, unknown or broken places, with a near-miss value. */
const nearMissStatistic = fc.oneof(
  held.chain((h) =>
    fc.record(
      {
        subscriptionId: fc.oneof({ weight: 4, arbitrary: fc.constant(h.subscriptionId) }, fc.string(), garbage),
        statisticId: fc.oneof({ weight: 4, arbitrary: fc.constant(h.statisticId) }, fc.constantFrom('s1', 's2', 's3', 's9'), garbage),
        value: nearMissValue,
        timestamp: fc.oneof({ weight: 3, arbitrary: fc.nat() }, anyNumber, garbage),
      },
      { requiredKeys: [] },
    ),
  ),
  garbage,
);
const nearMissMessage = fc
  .tuple(
    fc.array(nearMissStatistic, { maxLength: 10 }),
    fc.constantFrom('nested', 'flat'),
    fc.oneof({ weight: 3, arbitrary: fc.constant('StatisticUpdate') }, fc.constant(undefined), fc.constantFrom('ServiceStateChange', 'statisticupdate'), garbage),
  )
  .map(([statistics, placement, name]): unknown =>
    placement === 'nested' ? { name, topic: '/statistics/v3/updates', data: { statistics } } : { ...(name === undefined ? {} : { name }), statistics },
  );

/** A documented value for the statistic at `h`, with the value it must show. */
function validValueFor(h: (typeof HELD)[number]): fc.Arbitrary<{ readonly wire: unknown; readonly shown: unknown }> {
  if (h.spec.statistic === 'CurrentAgentState') {
    return fc
      .tuple(fc.constantFrom('LoggedOut', 'WaitForNextCall', 'NotReadyForNextCall', 'AfterCallWork', 'CallInbound', 'CallOnHold'), fc.integer({ min: 0, max: 20 }), fc.nat())
      .map(([state, code, since]) => ({ wire: { intValue: code, stringValue: state, tag: -1, intervalLength: 0, timestamp: since }, shown: { ...engageAgentState(state), since } }));
  }
  return fc
    .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), fc.nat())
    .map(([units, scale, timestamp]) => {
      const exact = units / 10 ** scale || 0;
      return { wire: { intValue: Math.round(exact), stringValue: String(exact), tag: -1, intervalLength: 0, timestamp }, shown: exact };
    })
    .filter(({ wire }) => !wire.stringValue.includes('e'));
}

const validStatistic = held.chain((h) =>
  fc.tuple(validValueFor(h), fc.nat()).map(([value, timestamp]) => ({
    statistic: { subscriptionId: h.subscriptionId, statisticId: h.statisticId, value: value.wire, timestamp },
    expected: { key: statKey(h.spec), value: value.shown, timestamp },
  })),
);

// ---- properties --------------------------------------------------------------------------------

describe('applyStatisticUpdate (properties)', () => {
  it('should never throw and never show anything but null, a finite number or an agent state, for any data', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text))), (data) => {
        const r = apply(data);
        expectOnlyShowable(r);
      }),
      RUNS,
    );
  });

  it('should never show NaN or Infinity for near-miss StatisticUpdates (wrong types, odd numbers, odd strings, nested garbage)', () => {
    fc.assert(
      fc.property(nearMissMessage, (data) => {
        expectOnlyShowable(apply(data));
      }),
      RUNS,
    );
  });

  it('should account for every statistic of a message: shown or counted as dropped, never lost silently', () => {
    fc.assert(
      fc.property(nearMissMessage, (data) => {
        const r = apply(data);
        const updates = r.sink.updateBatches.flat();
        const dropped = r.sink.drops.reduce((sum, drop) => sum + drop.count, 0);
        const parsed = parseStatisticUpdate(data);
        if (!parsed.ok) {
          expect(updates).toEqual([]);
          expect(r.sink.drops).toEqual([{ reason: parsed.reason, count: 1 }]);
          return;
        }
        expect(updates.length + dropped).toBe(parsed.statistics.length + parsed.malformed);
        // One `dropped` call per reason per message.
        expect(new Set(r.sink.drops.map((d) => d.reason)).size).toBe(r.sink.drops.length);
      }),
      RUNS,
    );
  });

  it('should show every statistic of a valid StatisticUpdate as exactly the value it carries, in one batch', () => {
    fc.assert(
      fc.property(fc.array(validStatistic, { minLength: 1, maxLength: 12 }), fc.boolean(), (entries, nested) => {
        const statistics = entries.map((e) => e.statistic);
        const data = nested ? { name: 'StatisticUpdate', topic: '/statistics/v3/updates', data: { statistics } } : { statistics };
        const r = apply(data);
        expect(r.sink.drops).toEqual([]);
        expect(r.strays).toEqual([]);
        expect(r.sink.updateBatches).toHaveLength(1);
        expect(r.sink.updateBatches[0]?.map(({ key, value, timestamp }) => ({ key, value, timestamp }))).toEqual(entries.map((e) => e.expected));
      }),
      RUNS,
    );
  });
});
