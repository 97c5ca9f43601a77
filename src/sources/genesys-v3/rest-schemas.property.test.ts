import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngageSpec as StatSpec } from './engage-spec.ts';
import { engageSpec } from './test-support/engage-spec.ts';
import { envelopeSchema, errorMessages, parseStatisticsData, reportedStatisticSchema } from './rest-schemas.ts';
import { createStatisticsApi, type CreateOutcome, type ReadOutcome, type RemoveOutcome } from './statistics-api.ts';
import { createManualTimers } from './test-support/manual-timers.ts';
import { toSourceUpdate } from './to-source-update.ts';

/**
 * Properties of the Statistics REST edge (docs/vendors/genesys-engage.md §0.3, §2.3, §2.4): any body, any status,
 * gets an outcome (never a throw), and the statistics of an answer become showable values only:
 * null, a finite number, or an agent state.
 */

const RUNS = { numRuns: 300 };

const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text)));

const NASTY_STRINGS = [
  'NaN', '1e309', '-1e309', 'Infinity', '-Infinity', '0x10', ' 12 ', '12.', '.5', '+5', '', '   ', 'null', 'true', 'Error',
  'WaitForNextCall', '-0', '9'.repeat(400), `-${'9'.repeat(400)}`, `1${'0'.repeat(309)}.5`, `0.${'0'.repeat(400)}1`,
];
const nastyNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE);
const anyNumber = fc.oneof(fc.double(), fc.integer(), nastyNumber);
const hugeDigits = fc.tuple(fc.constantFrom('', '-'), fc.integer({ min: 300, max: 1_000 })).map(([sign, length]) => `${sign}${'6'.repeat(length)}`);
const stringValueText = fc.oneof(fc.constantFrom(...NASTY_STRINGS), hugeDigits, fc.string(), fc.integer().map(String));
const garbage = fc.oneof(fc.anything(), anyNumber, stringValueText, fc.constantFrom(null, undefined, [], {}, true));
const nearMissValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        intValue: fc.oneof({ weight: 3, arbitrary: anyNumber }, garbage),
        stringValue: fc.oneof({ weight: 4, arbitrary: stringValueText }, garbage),
        timestamp: fc.oneof({ weight: 3, arbitrary: anyNumber }, garbage),
        tag: garbage,
      },
      { requiredKeys: [] },
    ),
  },
  fc.record({ value: fc.oneof(anyNumber, garbage) }),
  anyNumber,
  garbage,
);

/** One statistic of a create or read answer (§2.3 there, verbose INFO or OFF) with fields right, wrong or missing. */
const nearMissStatistic = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        statisticId: fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1 }) }, garbage),
        objectId: garbage,
        objectType: fc.constantFrom('Queue', 'Agent', 'GroupAgents'),
        name: fc.string(),
        value: nearMissValue,
        timestamp: fc.oneof({ weight: 3, arbitrary: fc.nat() }, anyNumber, garbage),
      },
      { requiredKeys: ['value'] },
    ),
  },
  garbage,
);

/** A create or read answer's envelope with every part right (mostly), wrong or missing. */
const nearMissBody = fc.record(
  {
    status: fc.oneof(
      { weight: 5, arbitrary: fc.record({ code: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 400, 500) }, anyNumber, garbage), message: fc.oneof(fc.string(), garbage) }, { requiredKeys: ['code'] }) },
      garbage,
    ),
    data: fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record(
          { subscriptionId: fc.oneof({ weight: 3, arbitrary: fc.string() }, garbage), statistics: fc.oneof({ weight: 5, arbitrary: fc.array(nearMissStatistic, { maxLength: 8 }) }, garbage) },
          { requiredKeys: ['statistics'] },
        ),
      },
      garbage,
    ),
    errors: fc.oneof(
      { weight: 3, arbitrary: fc.array(fc.record({ status: fc.oneof({ weight: 3, arbitrary: fc.record({ code: fc.oneof(fc.integer(), garbage), message: fc.oneof(fc.string(), garbage) }, { requiredKeys: [] }) }, garbage) })) },
      garbage,
    ),
    message: fc.oneof({ weight: 3, arbitrary: fc.string() }, garbage),
  },
  { requiredKeys: ['data'] },
);

const SPECS: readonly StatSpec[] = [
  engageSpec('Queue', 'sales', 'ServiceLevel'),
  engageSpec('Agent', 'agent-1', 'CurrentAgentState'),
];

function expectShowableUpdates(statistics: ReadonlyArray<{ readonly value: unknown; readonly timestamp: number }>): void {
  for (const statistic of statistics) {
    for (const spec of SPECS) {
      const result = toSourceUpdate('key', spec, statistic.value, statistic.timestamp);
      if (!result.ok) continue;
      const { value } = result.update;
      if (value === null) continue;
      if (typeof value === 'number') expect(Number.isFinite(value), `${String(value)} would be shown`).toBe(true);
      else expect(value.state.length > 0 && Number.isFinite(value.since)).toBe(true);
    }
  }
}

describe('REST envelope and statistics data (properties)', () => {
  it('should never throw on any body, and read errors[] only as strings', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, nearMissBody), (body) => {
        const envelope = envelopeSchema.safeParse(body);
        if (!envelope.success) return;
        for (const message of errorMessages(envelope.data)) expect(typeof message).toBe('string');
      }),
      RUNS,
    );
  });

  it('should keep every well-formed statistic and count every other one, for any data', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, nearMissBody.map((body) => body.data)), (data) => {
        const parsed = parseStatisticsData(data);
        if (parsed === undefined) return;
        const raw = (data as { statistics: unknown[] }).statistics;
        expect(parsed.statistics.length + parsed.malformed).toBe(raw.length);
        expect(parsed.statistics.length).toBe(raw.filter((entry) => reportedStatisticSchema.safeParse(entry).success).length);
        for (const statistic of parsed.statistics) {
          expect(statistic.statisticId.length).toBeGreaterThan(0);
          expect(Number.isFinite(statistic.timestamp)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('should turn the statistics of any answer into null, a finite number or an agent state only', () => {
    fc.assert(
      fc.property(nearMissBody, (body) => {
        const envelope = envelopeSchema.safeParse(body);
        if (!envelope.success) return;
        const data = parseStatisticsData(envelope.data.data);
        if (data) expectShowableUpdates(data.statistics);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- the REST calls over a fake fetch ----------------------------------------------------------

/** Statuses a `Response` cannot carry a body with. */
const NULL_BODY = new Set([204, 205, 304]);

function answer(status: number, text: string): Response {
  return new Response(NULL_BODY.has(status) ? null : text, { status });
}

const statusCode = fc.oneof(fc.constantFrom(200, 200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 503, 504), fc.integer({ min: 200, max: 599 }));
const bodyText = fc.oneof(
  nearMissBody.map((body) => JSON.stringify(body) ?? ''),
  fc.json(),
  fc.string(),
  fc.constantFrom('', '<html>502 Bad Gateway</html>', '{"status":', 'null', '[]', '{"message":"Forbidden"}'),
);

function api(status: number, text: string): ReturnType<typeof createStatisticsApi> {
  return createStatisticsApi({
    baseUrl: 'http://api.test/',
    authorizedFetch: () => Promise.resolve(answer(status, text)),
    timers: createManualTimers(),
    timeoutMs: 10_000,
  });
}

function expectTypedOutcome(outcome: CreateOutcome | ReadOutcome | RemoveOutcome): void {
  expect(['opened', 'values', 'gone', 'removed', 'refused', 'retry', 'unauthorized']).toContain(outcome.kind);
  if ('message' in outcome) expect(typeof outcome.message).toBe('string');
  if (outcome.kind === 'opened') {
    expect(typeof outcome.subscriptionId).toBe('string');
    expect(outcome.errors.every((e) => typeof e === 'string')).toBe(true);
  }
  if (outcome.kind === 'opened' || outcome.kind === 'values') expectShowableUpdates(outcome.statistics);
}

describe('createStatisticsApi over any answer (properties)', () => {
  it('should never reject and always give a typed outcome, whatever the status and body', async () => {
    await fc.assert(
      fc.asyncProperty(statusCode, bodyText, async (status, text) => {
        const statisticsApi = api(status, text);
        const descriptor = { statisticId: 's1', objectId: 'sales', objectType: 'Queue', name: 'ServiceLevel' };
        expectTypedOutcome(await statisticsApi.create('op-1', [descriptor]));
        expectTypedOutcome(await statisticsApi.read('op-1'));
        expectTypedOutcome(await statisticsApi.remove('op-1'));
      }),
      { numRuns: 200 },
    );
  });

  it('should open a documented create answer with exactly the decimals it carries', async () => {
    const exact = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([units, scale]) => units / 10 ** scale || 0)
      .filter((n) => !String(n).includes('e'));
    const statistic = fc.record({ statisticId: fc.string({ minLength: 1 }), value: exact, timestamp: fc.nat() });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(statistic, { selector: (s) => s.statisticId, minLength: 1, maxLength: 10 }), fc.string({ minLength: 1 }), async (statistics, subscriptionId) => {
        const body = {
          status: { code: 0 },
          data: {
            subscriptionId,
            operationId: subscriptionId,
            statistics: statistics.map((s) => ({
              statisticId: s.statisticId,
              objectId: 'sales',
              objectType: 'Queue',
              name: 'ServiceLevel',
              value: { intValue: Math.round(s.value), stringValue: String(s.value), tag: -1, intervalLength: 0, timestamp: s.timestamp },
              timestamp: s.timestamp,
            })),
          },
        };
        const outcome = await api(200, JSON.stringify(body)).create(subscriptionId, []);
        expect(outcome.kind).toBe('opened');
        if (outcome.kind !== 'opened') return;
        expect(outcome.subscriptionId).toBe(subscriptionId);
        expect(outcome.malformed).toBe(0);
        const shown = outcome.statistics.map((s) => {
          const result = toSourceUpdate('key', SPECS[0] as StatSpec, s.value, s.timestamp);
          return result.ok ? result.update.value : result.message;
        });
        expect(shown).toEqual(statistics.map((s) => s.value));
      }),
      { numRuns: 200 },
    );
  });
});
