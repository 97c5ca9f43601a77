import { describe, expect, it } from 'vitest';
import { parseStatValue } from './parse-stat-value.ts';

const numeric = { agentState: false, fallbackSince: 1000 };
const agentState = { agentState: true, fallbackSince: 1000 };

describe('parseStatValue', () => {
  it('should read the exact number from stringValue, not the rounded intValue', () => {
    expect(parseStatValue({ intValue: 83, stringValue: '83.33', tag: -1, intervalLength: 0, timestamp: 5 }, numeric)).toEqual({ ok: true, value: 83.33 });
    expect(parseStatValue({ intValue: 4, stringValue: '4' }, numeric)).toEqual({ ok: true, value: 4 });
    expect(parseStatValue({ intValue: -2, stringValue: '-2.5' }, numeric)).toEqual({ ok: true, value: -2.5 });
  });

  it('should fall back to intValue when stringValue is missing or not a decimal number', () => {
    expect(parseStatValue({ intValue: 7 }, numeric)).toEqual({ ok: true, value: 7 });
    expect(parseStatValue({ intValue: 83, stringValue: '83,33' }, numeric)).toEqual({ ok: true, value: 83 });
  });

  it('should read "" as no value, never as 0', () => {
    expect(parseStatValue({ intValue: 0, stringValue: '' }, numeric)).toEqual({ ok: true, value: null });
    expect(parseStatValue({ intValue: 0, stringValue: '' }, agentState)).toEqual({ ok: true, value: null });
  });

  it('should read an agent state with since from the value timestamp and the reason code', () => {
    expect(parseStatValue({ intValue: 4, stringValue: 'WaitForNextCall', timestamp: 1234 }, agentState)).toEqual({
      ok: true,
      value: { state: 'ready', since: 1234 },
    });
    expect(parseStatValue({ intValue: 8, stringValue: 'NotReadyForNextCall', timestamp: 99, reasonCode: 'Break' }, agentState)).toEqual({
      ok: true,
      value: { state: 'not-ready', since: 99, reason: 'Break' },
    });
  });

  it('should never read a word in stringValue as an agent state on a numeric statistic', () => {
    // Regression: {intValue: 5, stringValue: "Error"} used to reach a numeric tile as {state: "Error"}.
    expect(parseStatValue({ intValue: 5, stringValue: 'Error' }, numeric)).toEqual({ ok: true, value: 5 });
    expect(parseStatValue({ intValue: 7, stringValue: 'AfterCallWork', timestamp: 3 }, numeric)).toEqual({ ok: true, value: 7 });
    const noNumber = parseStatValue({ stringValue: 'Error' }, numeric);
    expect(noNumber).toEqual({ ok: false, error: { kind: 'malformed-value', message: expect.stringContaining('"Error"') } });
  });

  it('should accept only a non-numeric status name on an agent state statistic', () => {
    expect(parseStatValue({ intValue: 4, stringValue: 'WaitForNextCall' }, agentState).ok).toBe(true);
    for (const stringValue of ['4', '4.5', 'NaN', 'null', 'Not a state', '9Lives']) {
      expect(parseStatValue({ intValue: 4, stringValue }, agentState).ok, stringValue).toBe(false);
    }
    expect(parseStatValue({ intValue: 4 }, agentState).ok).toBe(false);
  });

  it('should accept a bare number and { value: number }', () => {
    expect(parseStatValue(42, numeric)).toEqual({ ok: true, value: 42 });
    expect(parseStatValue({ value: 12.5 }, numeric)).toEqual({ ok: true, value: 12.5 });
  });

  it.each([
    ['a string', 'NaN'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a non-numeric intValue', { intValue: 'x', stringValue: '5' }],
    ['a NaN stringValue', { stringValue: 'NaN' }],
    ['a wrapped string', { value: '42' }],
  ])('should refuse %s with a typed error', (_label, raw) => {
    const result = parseStatValue(raw, numeric);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'malformed-value', message: expect.any(String) });
  });

  it('should refuse a number for an agent state statistic', () => {
    expect(parseStatValue({ intValue: 4, stringValue: '4' }, agentState).ok).toBe(false);
    expect(parseStatValue(4, agentState).ok).toBe(false);
  });
});
