import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockCore } from '../../create-mock-core.ts';
import { createMswMock } from '../../msw/create-msw-handlers.ts';
import { createDefaultContactCenter } from '../../sim/default-contact-center.ts';
import type { ApiResponse } from '../http-types.ts';
import { loadStatisticsCatalog } from '../../stats/statistics-catalog.ts';
import { buildApiRequest, MAX_BODY_BYTES } from '../request-body.ts';
import { dispatch } from '../router.ts';
import { createSubscriptionBodySchema, describeIssue, getStatisticExBodySchema, statisticRequestSchema, verboseSchema } from './statistics-schemas.ts';

/**
 * Properties of the mock's Statistics API input (docs/vendors/genesys-engage.md §2.3–§2.7): whatever a client posts,
 * the answer is one of the documented statuses in the Genesys envelope, never a 500; and every value
 * the mock does send is one the wallboard can show (a finite intValue, a decimal or status name).
 */

const ORIGIN = 'http://wallboard.test';
const API_KEY = 'wallboard-demo-key';
const RUNS = { numRuns: 250 };

let core: MockCore;
let token = '';

async function send(method: string, pathAndQuery: string, raw = '', contentType = 'application/json'): Promise<ApiResponse> {
  const url = new URL(pathAndQuery, ORIGIN);
  const headers = { 'x-api-key': API_KEY, authorization: `Bearer ${token}`, 'content-type': contentType };
  const response = await dispatch(core.router, buildApiRequest({ method, url, headers, raw, tooLarge: raw.length > MAX_BODY_BYTES, origin: ORIGIN }));
  if (!response) throw new Error(`no route serves ${pathAndQuery}`);
  return response;
}

beforeAll(async () => {
  core = createMswMock({ randomTraffic: false, startAt: Date.UTC(2026, 10, 23, 9), timeZone: 'UTC', speed: 0 }, ORIGIN).core;
  const url = new URL('/auth/v3/oauth/token', ORIGIN);
  const headers = {
    'x-api-key': API_KEY,
    'content-type': 'application/x-www-form-urlencoded',
    authorization: `Basic ${Buffer.from('wallboard-service:wallboard-service-secret').toString('base64')}`,
  };
  const answer = await dispatch(core.router, buildApiRequest({ method: 'POST', url, headers, raw: 'grant_type=client_credentials', tooLarge: false, origin: ORIGIN }));
  expect(answer?.status).toBe(200);
  token = (answer?.json as { access_token: string }).access_token;
});

afterAll(() => core.stop());

// ---- arbitraries -------------------------------------------------------------------------------

/** Numerals JSON allows but JavaScript reads oddly (1e309 is Infinity, -0, 1e-400 is 0), spliced into the text. */
const NUMERAL = '\u0000numeral:';
const numeral = fc.constantFrom('1e309', '-1e309', '-0', '1e-400', '4.5', '-1', '0', '86401', '1e21', '123456789012345678901234567890').map((n) => `${NUMERAL}${n}`);
function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/"\\u0000numeral:([^"]*)"/g, '$1');
}

const garbage = fc.oneof(fc.jsonValue(), numeral, fc.constantFrom(null, '', ' ', [], {}, true, 'x'.repeat(300), '__proto__', 'constructor', 'toString'));
const someNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), numeral);

/** Ids the mock knows (queues, skills, teams, agents) and a few it does not. */
const center = createDefaultContactCenter();
const objectId = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...[...center.queues, ...center.skills, ...center.groups, ...center.agents].map((o) => o.id)) },
  fc.constantFrom('*', '', 'nobody', 'constructor'),
  fc.string(),
  garbage,
);

const QUEUE_NAMES = ['Current_In_Queue', 'CurrMaxCallWaitingTime', 'ServiceLevel', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime'];
const AGENT_NAMES = ['CurrentAgentState', 'CurrentTargetState', 'AverageHandlingTime', 'TimeInCurrentState', 'Productivity', 'TalkDuration'];
const GROUP_NAMES = ['LongestIdleTime', 'CurrentReadyAgents', 'CurrentNotReadyAgents', 'CurrNumberInCall'];

const objectType = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('Queue', 'Agent', 'GroupAgents', 'SKILL_Q', 'SKILL_AG', 'queue', 'AGENT') },
  fc.constantFrom('constructor', '__proto__', 'toString', ''),
  fc.string(),
  garbage,
);
const name = fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...QUEUE_NAMES, ...AGENT_NAMES, ...GROUP_NAMES) }, fc.constantFrom('toString', 'hasOwnProperty', ''), fc.string(), garbage);

/** Mostly `right`, sometimes one of the odd values: one broken field at a time gets past the others. */
function often<T>(right: fc.Arbitrary<T>, ...odd: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: right }, ...odd);
}

/** Each field of an inline definition (docs/vendors/genesys-engage.md §2.3, §3.2): right, odd or wrong. */
const definitionFields = {
    category: often(
      fc.constantFrom('TotalNumber', 'CurrentNumber', 'CurrentMaxTime', 'AverageTime', 'TotalAdjustedTime', 'AverageNumberPerRelativeHour', 'TotalNumberInTimeRangePercentage', 'ServiceFactor1', 'CurrentState', 'CurrentTargetState'),
      fc.string(),
      garbage,
    ),
    subject: often(fc.constantFrom('DNAction', 'AgentStatus', 'DNStatus'), fc.constantFrom('toString', 'constructor'), fc.string(), garbage),
    mainMask: often(fc.constantFrom('*', 'CallInbound', 'CallAnswered', 'CallAbandoned', '*,~LoggedOut', '~*', ',', '', 'WaitForNextCall, NotReadyForNextCall', '**', '~', 'Call*'), fc.string(), garbage),
    relativeMask: often(fc.constantFrom('*', 'CallEntered', 'CallAnswered', ''), fc.string(), garbage),
    intervalType: often(fc.constantFrom('GrowingWindow', 'SlidingWindow', 'growingwindow', ''), fc.string(), garbage),
    dynamicTimeProfile: often(fc.constantFrom('0:00', '00:00', '8:30', '24:00', '23:59', '1:60', '-1:00', '0:00:00', ':', ''), fc.string(), garbage),
    timeRangeLeft: often(fc.nat(1_000), someNumber, garbage),
    timeRangeRight: often(fc.nat(1_000), someNumber, garbage),
    timeRangeLeft2: often(fc.nat(1_000), someNumber, garbage),
    timeRangeRight2: often(fc.nat(1_000), someNumber, garbage),
    dynamicFilter: often(fc.constantFrom('Media=voice', 'Media=chat', 'Media=', '=', 'x=y', 'media=VOICE'), fc.string(), garbage),
    distinguishByConnId: often(fc.boolean(), garbage),
    maskType: often(fc.constantFrom('DN', 'Agent'), garbage),
    notificationMode: often(fc.constantFrom('Periodical', 'PERIODICAL', 'Immediate', 'Changes', 'ChangesBased'), fc.constant('never'), garbage),
    notificationFrequency: often(fc.integer({ min: 0, max: 86_400 }), fc.integer({ min: -5, max: 90_000 }), someNumber, garbage),
    insensitivity: often(fc.nat(10), someNumber, garbage),
};
const definition = fc.record(definitionFields, { requiredKeys: ['category', 'subject'] });

/** The wire object type and an id of the mock's for each statistics.yaml object type. */
const OBJECTS: Readonly<Record<string, { readonly types: readonly string[]; readonly ids: readonly string[] }>> = {
  AGENT: { types: ['Agent'], ids: center.agents.map((a) => a.id) },
  QUEUE: { types: ['Queue'], ids: center.queues.map((q) => q.id) },
  SKILL_Q: { types: ['SKILL_Q', 'Queue'], ids: center.skills.map((sk) => sk.id) },
  SKILL_AG: { types: ['SKILL_AG', 'GroupAgents'], ids: center.skills.map((sk) => sk.id) },
};

/** A pre-configured statistic of statistics.yaml sent as an inline definition, with one field changed or removed. */
const nearMissInline = fc.constantFrom(...loadStatisticsCatalog().entries).chain((entry) => {
  const objects = OBJECTS[entry.objectType] ?? { types: ['Queue'], ids: ['sales'] };
  const valid: Record<string, unknown> = {
    ...entry.definition,
    notificationMode: entry.notification.mode,
    notificationFrequency: entry.notification.frequencySec,
    insensitivity: entry.notification.insensitivity,
  };
  const field = fc.constantFrom(...(Object.keys(definitionFields) as Array<keyof typeof definitionFields>));
  const change = field.chain((key) => fc.oneof({ weight: 4, arbitrary: definitionFields[key].map((value) => ({ key, value, remove: false })) }, fc.constant({ key, value: undefined, remove: true })));
  return fc.record({ objectType: fc.constantFrom(...objects.types), objectId: fc.constantFrom(...objects.ids), change }).map(({ objectType, objectId, change: { key, value, remove } }) => {
    const changed = { ...valid };
    if (remove) Reflect.deleteProperty(changed, key);
    else changed[key] = value;
    return { statisticId: 'inline', objectType, objectId, definition: changed };
  });
});

/** A statistic descriptor (docs/vendors/genesys-engage.md §2.3): usually `name` or `definition` as documented, its fields right, odd or wrong. */
const descriptor = fc
  .tuple(
    fc.record(
      {
        statisticId: fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }, fc.constantFrom('', 'x'.repeat(257)), garbage),
        objectId,
        objectType,
      },
      { requiredKeys: ['statisticId', 'objectId', 'objectType'] },
    ),
    fc.oneof(
      { weight: 4, arbitrary: name.map((n) => ({ name: n })) },
      { weight: 4, arbitrary: definition.map((d) => ({ definition: d })) },
      fc.record({ name, definition: fc.oneof(definition, garbage) }, { requiredKeys: [] }),
    ),
  )
  .map(([ids, statistic]) => ({ ...ids, ...statistic }));

const subscriptionBody = fc.record(
  {
    operationId: fc.oneof({ weight: 12, arbitrary: fc.uuid() }, fc.constantFrom('', 'x'.repeat(257)), garbage),
    data: fc.oneof(
      { weight: 8, arbitrary: fc.record({ statistics: fc.oneof({ weight: 8, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: descriptor }, garbage), { minLength: 1, maxLength: 6 }) }, garbage) }) },
      garbage,
    ),
  },
  { requiredKeys: ['data'] },
);

const bodyText = fc.oneof(
  { weight: 15, arbitrary: subscriptionBody.map(toJsonText) },
  fc.jsonValue().map(toJsonText),
  fc.json(),
  fc.string(),
  fc.constantFrom('', '{', '{"data":{"statistics":[', 'null', '[]', '{"__proto__":{"statistics":[]}}'),
);
const contentType = fc.oneof({ weight: 12, arbitrary: fc.constant('application/json') }, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'text/html', ''));
const verbose = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('', '?verbose=INFO', '?verbose=off') },
  fc.constantFrom('?verbose=', '?verbose=ON', '?verbose=INFO&verbose=OFF'),
  fc.string().map((v) => `?verbose=${encodeURIComponent(v)}`),
);

// ---- what a response may be --------------------------------------------------------------------

const DECIMAL = /^-?\d+(\.\d+)?$/;
const STATE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function expectEnvelope(response: ApiResponse, allowed: readonly number[]): void {
  expect(response.status, JSON.stringify(response.json)).not.toBe(500);
  expect(allowed).toContain(response.status);
  const body = response.json as { status?: { code?: unknown; message?: unknown } };
  expect(typeof body.status?.code).toBe('number');
}

/** A value as the wallboard reads it (docs/vendors/genesys-engage.md §2.8): a finite intValue, and stringValue "", a decimal or a status name. */
function expectShowableWireValue(value: unknown): void {
  const v = value as { intValue?: unknown; stringValue?: unknown; timestamp?: unknown };
  expect(typeof v.intValue === 'number' && Number.isFinite(v.intValue), `intValue ${String(v.intValue)}`).toBe(true);
  expect(typeof v.timestamp === 'number' && Number.isFinite(v.timestamp)).toBe(true);
  const text = v.stringValue;
  expect(typeof text === 'string' && (text === '' || DECIMAL.test(text) || STATE_NAME.test(text)), `stringValue ${String(text)}`).toBe(true);
}

function expectShowableStatistics(response: ApiResponse): void {
  if (response.status !== 200) return;
  const data = (response.json as { data?: { statistics?: Array<{ value: unknown }> } }).data;
  for (const statistic of data?.statistics ?? []) expectShowableWireValue(statistic.value);
}

// ---- properties --------------------------------------------------------------------------------

describe('statistics request schemas (properties)', () => {
  it('should never throw on any input and describe every refusal as "path: message"', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), subscriptionBody.map((b): unknown => JSON.parse(toJsonText(b))), descriptor), (input) => {
        for (const schema of [createSubscriptionBodySchema, getStatisticExBodySchema, statisticRequestSchema, verboseSchema]) {
          const parsed = schema.safeParse(input);
          if (!parsed.success) expect(describeIssue(parsed.error)).toMatch(/^.+: .+/s);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('POST /statistics/v3/subscriptions over dispatch (properties)', () => {
  it('should never answer 500, only a documented status in the envelope, for any body', async () => {
    await fc.assert(
      fc.asyncProperty(bodyText, contentType, verbose, async (raw, type, query) => {
        const response = await send('POST', `/statistics/v3/subscriptions${query}`, raw, type);
        expectEnvelope(response, [200, 400, 413, 415]);
        expectShowableStatistics(response);
      }),
      RUNS,
    );
  });

  it('should never answer 500 to a near-miss inline definition on a known object, and send only showable values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: nearMissInline }, descriptor), fc.constantFrom('', '?verbose=OFF'), async (statistic, query) => {
        const response = await send('POST', `/statistics/v3/subscriptions${query}`, toJsonText({ data: { statistics: [statistic] } }));
        expectEnvelope(response, [200, 400]);
        expectShowableStatistics(response);
      }),
      RUNS,
    );
  });

  it('should open every well-formed request of known statistics and send values the wallboard can show', async () => {
    const queueStat = fc.record({ objectType: fc.constant('Queue'), objectId: fc.constantFrom('sales', 'billing', 'support'), name: fc.constantFrom(...QUEUE_NAMES) });
    const agentStat = fc.constantFrom(...center.agents.map((a) => a.id)).chain((objectId) => fc.record({ objectType: fc.constant('Agent'), objectId: fc.constant(objectId), name: fc.constantFrom(...AGENT_NAMES) }));
    const statistics = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(queueStat, agentStat)), { selector: ([id]) => id, minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(statistics, fc.constantFrom('', '?verbose=INFO', '?verbose=OFF'), async (entries, query) => {
        const body = { data: { statistics: entries.map(([statisticId, s]) => ({ statisticId, ...s })) } };
        const response = await send('POST', `/statistics/v3/subscriptions${query}`, JSON.stringify(body));
        expect(response.status, JSON.stringify(response.json)).toBe(200);
        const data = (response.json as { data: { statistics: Array<{ statisticId: string }> } }).data;
        expect(data.statistics.map((s) => s.statisticId)).toEqual(entries.map(([id]) => id));
        expectShowableStatistics(response);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the other Statistics routes over dispatch (properties)', () => {
  it('should never answer 500 to get-statistic-ex, whatever the body', async () => {
    const entry = fc.record({ name, objectType, objectId }, { requiredKeys: [] });
    const body = fc.oneof(
      { weight: 3, arbitrary: fc.record({ data: fc.oneof(fc.record({ statistics: fc.oneof(fc.array(entry, { maxLength: 5 }), garbage) }), garbage) }, { requiredKeys: [] }).map(toJsonText) },
      fc.json(),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const response = await send('POST', '/statistics/v3/operations/get-statistic-ex', raw);
        expectEnvelope(response, [200, 400, 413, 415]);
        expectShowableStatistics(response);
      }),
      { numRuns: 150 },
    );
  });

  it('should never answer 500 to reading or deleting any subscription id, with any query', async () => {
    const id = fc.oneof(fc.string(), fc.constantFrom('%', '%zz', '..', 'constructor', '__proto__', 'x'.repeat(2_000)));
    const query = fc.oneof(fc.constant(''), fc.string().map((q) => `?statisticIds=${encodeURIComponent(q)}`), verbose);
    await fc.assert(
      fc.asyncProperty(id, query, fc.boolean(), async (subscriptionId, q, encode) => {
        const segment = encode ? encodeURIComponent(subscriptionId) : subscriptionId.replace(/[/?#]/g, '');
        if (segment === '') return;
        const read = await send('GET', `/statistics/v3/subscriptions/${segment}/statistic-values${q}`);
        expect(read.status).not.toBe(500);
        expectShowableStatistics(read);
        const removed = await send('DELETE', `/statistics/v3/subscriptions/${segment}`);
        expect(removed.status).not.toBe(500);
      }),
      { numRuns: 150 },
    );
  });

  it('should never answer 500 to a single statistic value, whatever name and object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...QUEUE_NAMES, ...AGENT_NAMES), fc.string({ minLength: 1 })), fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), async (statistic, type, objectId) => {
        const params = new URLSearchParams();
        if (type !== undefined) params.set('objectType', type);
        if (objectId !== undefined) params.set('objectId', objectId);
        const response = await send('GET', `/statistics/v3/statistic-values/${encodeURIComponent(statistic)}?${params.toString()}`);
        expect(response.status).not.toBe(500);
        if (response.status === 200) expectShowableWireValue((response.json as { data: { statistic: { value: unknown } } }).data.statistic.value);
      }),
      { numRuns: 150 },
    );
  });
});
