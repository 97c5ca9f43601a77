import { z } from 'zod';
import type { StatPayload } from '../stat-source.ts';
import { engageAgentState } from './engage-agent-states.ts';

/** Why a value was refused: the tile shows an error, never a silent 0 (docs/vendors/genesys-engage.md §2.8). */
export interface StatValueError {
  readonly kind: 'malformed-value';
  readonly message: string;
}

export type StatValueResult = { readonly ok: true; readonly value: StatPayload } | { readonly ok: false; readonly error: StatValueError };

export interface StatValueContext {
  /** The statistic is an agent state (CurrentAgentState, CurrentTargetState): only a status name will do. */
  readonly agentState: boolean;
  /** When the value object carries no timestamp of its own, the statistic's timestamp says since when. */
  readonly fallbackSince: number;
}

/** Stat Server's value structure (§2.8 there); z.number() refuses NaN and ±Infinity. */
const statServerValueSchema = z.object({
  stringValue: z.string().optional(),
  intValue: z.number().optional(),
  timestamp: z.number().optional(),
  reasonCode: z.string().optional(),
});
type StatServerValue = z.infer<typeof statServerValueSchema>;

/** Other deployments send `{ value: 42 }`. */
const wrappedValueSchema = z.object({ value: z.number() });

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Stat Server status names (`WaitForNextCall`, `NotReadyForNextCall`, …). */
const STATE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Words that look like a status name but are what a broken serializer writes instead of a number. */
const NOT_A_STATE = new Set(['nan', 'infinity', 'null', 'undefined', 'true', 'false']);

function ok(value: StatPayload): StatValueResult {
  return { ok: true, value };
}

function fail(message: string): StatValueResult {
  return { ok: false, error: { kind: 'malformed-value', message } };
}

function isStateName(text: string): boolean {
  return STATE_NAME.test(text) && !NOT_A_STATE.has(text.toLowerCase());
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'an array';
  return typeof raw === 'object' ? 'an object without a usable value' : `a ${typeof raw}`;
}

function fromStatServer(value: StatServerValue, context: StatValueContext): StatValueResult {
  const text = value.stringValue?.trim();
  // "" is Stat Server's "no value yet" (an average of nothing): shown as no value, never as 0.
  if (text === '') return ok(null);
  if (context.agentState) {
    if (text !== undefined && isStateName(text)) {
      return ok({ ...engageAgentState(text), since: value.timestamp ?? context.fallbackSince, ...(value.reasonCode ? { reason: value.reasonCode } : {}) });
    }
    return fail('an agent state statistic without a status name');
  }
  // stringValue is exact ("83.33"); intValue is only its rounding. A word in stringValue ("Error") on
  // a numeric statistic is never shown as an agent state: only the agent-state specs carry states.
  if (text !== undefined && DECIMAL.test(text)) {
    // 309 digits are a valid decimal and Infinity as a number: never a value on a TV.
    const exact = Number(text);
    if (Number.isFinite(exact)) return ok(exact);
  }
  if (value.intValue !== undefined && Number.isFinite(value.intValue)) return ok(value.intValue);
  return fail(`stringValue "${value.stringValue ?? ''}" is not a number and there is no intValue`);
}

/**
 * A statistic's `value` as the API sends it (§2.8 there), parsed defensively: Stat Server's
 * `{intValue, stringValue, timestamp}`, a bare number, or `{value: number}`. Anything else is a typed
 * error, so a broken message can never reach a tile as a number.
 */
export function parseStatValue(raw: unknown, context: StatValueContext): StatValueResult {
  if (typeof raw === 'number') return Number.isFinite(raw) && !context.agentState ? ok(raw) : fail(`a bare number ${String(raw)}`);
  const statServer = statServerValueSchema.safeParse(raw);
  if (statServer.success && (statServer.data.stringValue !== undefined || statServer.data.intValue !== undefined)) {
    return fromStatServer(statServer.data, context);
  }
  const wrapped = wrappedValueSchema.safeParse(raw);
  if (wrapped.success && !context.agentState) return ok(wrapped.data.value);
  return fail(`value is ${describe(raw)}`);
}
