import { compileMask, type MaskPredicate } from './mask.ts';
import type { StatDefinition } from './statistic-definition.ts';
import { parseGrowingWindowProfile, type GrowingWindowProfile } from './time-profile.ts';

/** What the statistic is computed over: calls of a (virtual) queue, one agent, or a group of agents. */
export type ObjectKind = 'queue' | 'agent' | 'agentGroup';

/** Which activity a subject reads: call actions (DNAction) or agent statuses (AgentStatus, DNStatus). */
export type ActivityFamily = 'action' | 'status';

export const CATEGORIES = [
  'TotalNumber',
  'CurrentNumber',
  'CurrentMaxTime',
  'AverageTime',
  'TotalAdjustedTime',
  'AverageNumberPerRelativeHour',
  'TotalNumberInTimeRangePercentage',
  'ServiceFactor1',
  'CurrentState',
  'CurrentTargetState',
] as const;
export type Category = (typeof CATEGORIES)[number];

const CURRENT_CATEGORIES = new Set<Category>(['CurrentNumber', 'CurrentMaxTime', 'CurrentState', 'CurrentTargetState']);

// A Map, not an object literal: a subject such as "toString" must be refused, not found.
const SUBJECTS: ReadonlyMap<string, ActivityFamily> = new Map([
  ['DNAction', 'action'],
  ['AgentStatus', 'status'],
  ['DNStatus', 'status'],
]);

export interface TimeRange {
  readonly leftSec: number;
  readonly rightSec: number;
}

export interface CompiledStatistic {
  readonly category: Category;
  readonly family: ActivityFamily;
  readonly mainMask: MaskPredicate;
  readonly relativeMask: MaskPredicate;
  /** Undefined for current-state categories (no time profile). */
  readonly window: GrowingWindowProfile | undefined;
  readonly timeRange: TimeRange | undefined;
  readonly timeRange2: TimeRange | undefined;
  /** `Media=voice` keeps every (voice) call; any other media matches nothing. */
  readonly matchesNothing: boolean;
}

export type CompileResult =
  | { readonly ok: true; readonly statistic: CompiledStatistic }
  | { readonly ok: false; readonly message: string };

function range(left: number | undefined, right: number | undefined, label: string): TimeRange | undefined | string {
  if (left === undefined && right === undefined) return undefined;
  const l = left ?? 0;
  if (right === undefined) return `${label}: timeRangeRight is required with timeRangeLeft`;
  if (right < l) return `${label}: timeRangeRight (${right}) is below timeRangeLeft (${l})`;
  return { leftSec: l, rightSec: right };
}

/**
 * Turns a definition into something the evaluator can run on an object kind, or says why it
 * cannot be evaluated. The engine never guesses: what it cannot compute it refuses.
 */
export function compileDefinition(def: StatDefinition, kind: ObjectKind): CompileResult {
  const fail = (message: string): CompileResult => ({ ok: false, message });
  const category = CATEGORIES.find((c) => c === def.category);
  if (!category) return fail(`unsupported category "${def.category}"`);
  const family = SUBJECTS.get(def.subject);
  if (!family) return fail(`unsupported subject "${def.subject}" (DNAction, AgentStatus or DNStatus)`);

  if ((category === 'CurrentState' || category === 'CurrentTargetState') && kind !== 'agent') {
    return fail(`category ${category} is only defined for Agent objects`);
  }
  if (family === 'status' && kind === 'queue') {
    return fail(`subject ${def.subject} describes agents; it cannot be evaluated on a queue`);
  }
  if (category === 'ServiceFactor1' && (kind !== 'queue' || family !== 'action')) {
    return fail('category ServiceFactor1 needs subject DNAction on a Queue object');
  }

  const needsMainMask = category !== 'ServiceFactor1' && category !== 'CurrentState' && category !== 'CurrentTargetState';
  let mainMask: MaskPredicate = () => true;
  if (def.mainMask !== undefined) {
    const m = compileMask(def.mainMask);
    if (!m.ok) return fail(`mainMask: ${m.message}`);
    mainMask = m.matches;
  } else if (needsMainMask) {
    return fail(`category ${category} requires a mainMask`);
  }
  let relativeMask: MaskPredicate = mainMask;
  if (def.relativeMask !== undefined) {
    const r = compileMask(def.relativeMask);
    if (!r.ok) return fail(`relativeMask: ${r.message}`);
    relativeMask = r.matches;
  } else if (category === 'AverageNumberPerRelativeHour') {
    return fail('category AverageNumberPerRelativeHour requires a relativeMask');
  }

  let window: GrowingWindowProfile | undefined;
  if (!CURRENT_CATEGORIES.has(category)) {
    if (def.intervalType === undefined) return fail(`category ${category} requires an intervalType`);
    if (def.intervalType.toLowerCase() !== 'growingwindow') {
      return fail(`unsupported intervalType "${def.intervalType}" (the mock evaluates GrowingWindow)`);
    }
    window = parseGrowingWindowProfile(def.dynamicTimeProfile ?? '0:00');
    if (!window) return fail(`invalid dynamicTimeProfile "${def.dynamicTimeProfile ?? ''}" (e.g. "0:00" or "0:00+1:00")`);
  } else if (def.intervalType !== undefined && def.intervalType.toLowerCase() !== 'growingwindow') {
    return fail(`unsupported intervalType "${def.intervalType}"`);
  }

  const timeRange = range(def.timeRangeLeft, def.timeRangeRight, 'time range');
  if (typeof timeRange === 'string') return fail(timeRange);
  const timeRange2 = range(def.timeRangeLeft2, def.timeRangeRight2, 'time range 2');
  if (typeof timeRange2 === 'string') return fail(timeRange2);
  if ((category === 'ServiceFactor1' || category === 'TotalNumberInTimeRangePercentage') && !timeRange) {
    return fail(`category ${category} requires timeRangeLeft/timeRangeRight`);
  }

  let matchesNothing = false;
  if (def.dynamicFilter !== undefined && def.dynamicFilter.trim() !== '') {
    const m = /^\s*Media\s*=\s*(\w+)\s*$/i.exec(def.dynamicFilter);
    if (!m) return fail(`unsupported dynamicFilter "${def.dynamicFilter}" (the mock understands Media=<type>)`);
    matchesNothing = (m[1] ?? '').toLowerCase() !== 'voice';
  }
  if (def.distinguishByConnId === true) return fail('distinguishByConnId is not supported by the mock');

  return {
    ok: true,
    statistic: {
      category,
      // An agent's state is its status, whatever subject the definition names.
      family: category === 'CurrentState' || category === 'CurrentTargetState' ? 'status' : family,
      mainMask,
      relativeMask,
      window,
      timeRange,
      timeRange2,
      matchesNothing,
    },
  };
}
