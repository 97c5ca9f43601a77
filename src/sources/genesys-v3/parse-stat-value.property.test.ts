import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatPayload } from '../stat-source.ts';
import type { EngageSpec } from './engage-spec.ts';
import { engageAgentState } from './engage-agent-states.ts';
import { parseStatValue, type StatValueResult } from './parse-stat-value.ts';
import { toSourceUpdate } from './to-source-update.ts';

/**
 * Properties of the value parser (docs/vendors/genesys-engage.md §2.8): whatever a statistic's `value` holds, the
 * parser answers (never throws), and what it lets through is something a tile can show: `null`, a
 * finite number, or an agent state with a name and a finite `since`.
 */

const RUNS = { numRuns: 400 };

/** Strings a broken serializer (or an attacker) puts in `stringValue`. */
const NASTY_STRINGS = [
  'NaN', '-NaN', 'nan', '1e309', '-1e309', '1e3', 'Infinity', '-Infinity', 'infinity', '0x10', '0b1', '0o7',
  ' 12 ', '\u00a012\u00a0', '12\n', '\t-3.5', '1_000', '+5', '--1', '12.', '.5', '1,5', '1.2.3', '', '   ',
  'null', 'undefined', 'true', 'false', 'Error', 'WaitForNextCall', 'Not a state', '9Lives', '-0', '0', '-0.0',
  '١٢', '１２', '9'.repeat(400), `-${'9'.repeat(400)}`, `1${'0'.repeat(308)}`, `1${'0'.repeat(309)}.5`,
  `0.${'0'.repeat(400)}1`, `${'1'.repeat(320)}.${'9'.repeat(50)}`, 'x'.repeat(100_000),
];

const nastyNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2);
/** fc.double() already yields NaN and ±Infinity now and then; the constants make them frequent. */
const anyNumber = fc.oneof(fc.double(), fc.integer(), nastyNumber);
const hugeDigits = fc.tuple(fc.constantFrom('', '-'), fc.integer({ min: 300, max: 2_000 }), fc.constantFrom('', '.5', `.${'3'.repeat(40)}`)).map(
  ([sign, length, fraction]) => `${sign}${'7'.repeat(length)}${fraction}`,
);
const decimalText = fc
  .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^\d{1,15}$/), fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }))
  .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
const stringValueText = fc.oneof(fc.constantFrom(...NASTY_STRINGS), hugeDigits, decimalText, fc.string(), fc.string({ unit: 'binary' }));
const garbage = fc.oneof(fc.anything(), anyNumber, stringValueText, fc.constantFrom(null, undefined, [], {}, true, false));

/** Stat Server's value structure with every field right, wrong, odd or missing. */
const nearMissValueObject = fc.record(
  {
    stringValue: fc.oneof(stringValueText, garbage),
    intValue: fc.oneof(anyNumber, garbage),
    timestamp: fc.oneof(anyNumber, garbage),
    reasonCode: fc.oneof(fc.string(), garbage),
    tag: garbage,
    intervalLength: garbage,
    value: fc.oneof(anyNumber, garbage),
  },
  { requiredKeys: [] },
);

const anyRawValue = fc.oneof(nearMissValueObject, anyNumber, garbage, fc.record({ value: fc.oneof(anyNumber, garbage) }), fc.jsonValue());

/** What the parser is called with: the statistic's own timestamp, already checked to be a number by zod. */
const context = fc.record({ agentState: fc.boolean(), fallbackSince: fc.double({ noNaN: true, noDefaultInfinity: true }) });

/** The one rule every produced value obeys, whatever went in. */
function expectShowable(value: StatPayload, agentState: boolean): void {
  if (value === null) return;
  if (typeof value === 'number') {
    expect(agentState, 'a number for an agent state statistic').toBe(false);
    expect(Number.isFinite(value), `a non-finite number ${String(value)} would reach a tile`).toBe(true);
    return;
  }
  expect(agentState, 'an agent state for a numeric statistic').toBe(true);
  expect(typeof value.state).toBe('string');
  expect(value.state.length).toBeGreaterThan(0);
  expect(Number.isFinite(value.since)).toBe(true);
  if (value.reason !== undefined) expect(typeof value.reason).toBe('string');
}

function expectTyped(result: StatValueResult, agentState: boolean): void {
  if (result.ok) expectShowable(result.value, agentState);
  else {
    expect(result.error.kind).toBe('malformed-value');
    expect(typeof result.error.message).toBe('string');
  }
}

describe('parseStatValue (properties)', () => {
  it('should never throw and only let through null, a finite number or an agent state, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text))), context, (raw, ctx) => {
        expectTyped(parseStatValue(raw, ctx), ctx.agentState);
      }),
      RUNS,
    );
  });

  it('should never show NaN or Infinity for near-miss value objects (wrong types, odd numbers, odd strings)', () => {
    fc.assert(
      fc.property(anyRawValue, context, (raw, ctx) => {
        expectTyped(parseStatValue(raw, ctx), ctx.agentState);
      }),
      RUNS,
    );
  });

  it('should never turn a stringValue into NaN or Infinity, whatever the string', () => {
    fc.assert(
      fc.property(stringValueText, fc.option(anyNumber, { nil: undefined }), context, (stringValue, intValue, ctx) => {
        expectTyped(parseStatValue({ stringValue, intValue, timestamp: 1 }, ctx), ctx.agentState);
      }),
      RUNS,
    );
  });

  it('should read a documented numeric value as exactly the decimal in stringValue', () => {
    // The decimal is built from a number whose shortest form has no exponent, so it round-trips exactly.
    const exactNumber = fc
      .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([units, scale]) => units / 10 ** scale)
      .map((n) => (Object.is(n, -0) ? 0 : n))
      .filter((n) => !String(n).includes('e'));
    fc.assert(
      fc.property(exactNumber, fc.integer(), fc.nat(), (expected, tag, timestamp) => {
        const value = { intValue: Math.round(expected), stringValue: String(expected), tag, intervalLength: 0, timestamp };
        expect(parseStatValue(value, { agentState: false, fallbackSince: 0 })).toEqual({ ok: true, value: expected });
      }),
      RUNS,
    );
  });

  it('should read any plain decimal string (sign, digits, optional fraction) as that decimal', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom('', ' ', '\t', '\n'), (text, pad) => {
        const result = parseStatValue({ intValue: 0, stringValue: `${pad}${text}${pad}` }, { agentState: false, fallbackSince: 0 });
        expect(result).toEqual({ ok: true, value: Number.parseFloat(text) });
      }),
      RUNS,
    );
  });

  it("should read a documented agent state as the wallboard's state of its status name, since the value timestamp", () => {
    const stateName = fc
      .oneof(
        fc.constantFrom('LoggedOut', 'WaitForNextCall', 'NotReadyForNextCall', 'AfterCallWork', 'CallRinging', 'CallInbound', 'CallOnHold'),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/),
      )
      .filter((name) => !['nan', 'infinity', 'null', 'undefined', 'true', 'false'].includes(name.toLowerCase()));
    fc.assert(
      fc.property(stateName, fc.integer({ min: 0, max: 50 }), fc.nat(), fc.option(fc.string({ minLength: 1 }), { nil: undefined }), (state, code, since, reason) => {
        const value = { intValue: code, stringValue: state, tag: -1, intervalLength: 0, timestamp: since, ...(reason ? { reasonCode: reason } : {}) };
        expect(parseStatValue(value, { agentState: true, fallbackSince: 0 })).toEqual({ ok: true, value: { ...engageAgentState(state), since, ...(reason ? { reason } : {}) } });
      }),
      RUNS,
    );
  });
});

const numericSpec: fc.Arbitrary<EngageSpec> = fc.record({
  key: fc.string(),
  objectType: fc.constantFrom('Queue', 'GroupAgents', 'Agent'),
  objectId: fc.string({ minLength: 1 }),
  statistic: fc.oneof(
    fc.constantFrom('ServiceLevel', 'Current_In_Queue', 'CurrentAgentState', 'CurrentTargetState'),
    fc.string(),
    fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double(), fc.boolean())),
    fc.record({ category: fc.constantFrom('CurrentState', 'CurrentTargetState', 'TotalNumber'), notificationMode: fc.constantFrom('Periodical', 'Changes') }),
  ),
});

describe('toSourceUpdate (properties)', () => {
  it('should never throw and only produce showable values, for any spec and any value', () => {
    fc.assert(
      fc.property(fc.string(), numericSpec, anyRawValue, fc.double({ noNaN: true, noDefaultInfinity: true }), (key, spec, raw, timestamp) => {
        const result = toSourceUpdate(key, spec, raw, timestamp);
        if (!result.ok) {
          expect(result.reason).toBe('malformed value');
          expect(typeof result.message).toBe('string');
          return;
        }
        const { update } = result;
        expect(update.key).toBe(key);
        expect(update.timestamp).toBe(timestamp);
        expect(update.periodMs === undefined || update.periodMs > 0).toBe(true);
        if (update.value !== null) {
          if (typeof update.value === 'number') expect(Number.isFinite(update.value)).toBe(true);
          else {
            expect(update.value.state.length).toBeGreaterThan(0);
            expect(Number.isFinite(update.value.since)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});
