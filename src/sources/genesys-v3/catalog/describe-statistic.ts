import { maskWords, type MaskWords } from './mask-words.ts';
import type { EngageObjectType, StatisticCatalogEntry } from './statistic-catalog.ts';
import { maskIs, parseMask } from './statistic-mask.ts';
import { timeWindowWords } from './time-window-words.ts';

/**
 * A statistic's meaning in one sentence, for the board editor's picker. Derived from the definition
 * rather than written per name, so a tenant's own catalog is described too, and each sentence says
 * what the number IS: the rules follow the categories of docs/statistics.md as
 * mock-server/stats/evaluate-statistic.ts computes them (which window, which calls count, what 0 means).
 */
export type DescribableStatistic = Pick<StatisticCatalogEntry, 'objectType' | 'definition'>;

/** Subjects whose masks name agent statuses; `DNAction` names call actions. */
const STATUS_SUBJECTS = new Set(['AgentStatus', 'DNStatus']);

const CALL_TYPES = ['CallInbound', 'CallOutbound', 'CallInternal', 'CallConsult', 'CallUnknown'];

interface Parts {
  readonly objectType: EngageObjectType;
  readonly status: boolean;
  readonly main: MaskWords;
  readonly relative: MaskWords;
  /** " since midnight", " this hour"; empty for current categories. */
  readonly window: string;
  /** The same after a comma (", this hour"), for sentences whose last words are not about time. */
  readonly commaWindow: string;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Who spends the time: one agent, a group's agents, or (calls on) a queue. */
function spender(objectType: EngageObjectType): string {
  if (objectType === 'Agent') return 'the agent';
  return objectType === 'GroupAgents' ? "the group's agents" : 'agents';
}

function becameCount(objectType: EngageObjectType, state: string): string {
  return `times ${objectType === 'Agent' ? 'the agent' : 'an agent'} became ${state}`;
}

function countOf(words: MaskWords, objectType: EngageObjectType): string {
  if (words.count !== undefined) return words.count;
  return words.everything ? 'state changes' : becameCount(objectType, words.state);
}

function place(objectType: EngageObjectType): string {
  if (objectType === 'Queue') return 'in the queue';
  return objectType === 'Agent' ? 'at the agent' : "at the group's agents";
}

function currentNumber({ objectType, status, main }: Parts): string {
  if (!status) return `${capitalize(main.current)} ${place(objectType)} now`;
  if (objectType === 'Agent') return `Whether the agent is ${main.state} now (1 or 0)`;
  return `Agents ${main.state} now`;
}

function currentMaxTime({ objectType, status, main }: Parts, mainMask: string | undefined): string {
  const agent = objectType === 'Agent';
  if (status && main.everything) {
    return agent ? 'How long the agent has been in their current state' : 'Longest time any agent of the group has been in their current state';
  }
  if (status) {
    return agent
      ? `How long the agent has currently been ${main.state} (0 otherwise)`
      : `Longest time any agent of the group has currently been ${main.state} (0 when none is)`;
  }
  if (objectType === 'Queue' && maskIs(mainMask, ['CallWait'])) {
    return 'How long the oldest call waiting in the queue has waited so far (0 when none is waiting)';
  }
  return `Longest time any of the ${main.current} ${place(objectType)} has lasted so far (0 when there are none)`;
}

function totalAdjustedTime({ objectType, status, main, window }: Parts): string {
  if (objectType === 'Agent') return `Time the agent spent ${main.during}${window}`;
  if (!status && objectType === 'Queue') return `Time calls spent ${main.during} in the queue${window}, added up`;
  return `Time ${spender(objectType)} spent ${main.during}${window}, added up`;
}

/** Talk plus after-call work per call: main = every call type and AfterCallWork, relative = the call types. */
function isHandlingTime(mainMask: string | undefined, relativeMask: string | undefined): boolean {
  const main = parseMask(mainMask);
  const relative = parseMask(relativeMask);
  if (main.all || relative.all || !main.include.includes('AfterCallWork')) return false;
  const calls = main.include.filter((item) => item !== 'AfterCallWork');
  return calls.length > 0 && calls.every((item) => CALL_TYPES.includes(item)) && calls.length === relative.include.length && calls.every((item) => relative.include.includes(item));
}

function averageTime(parts: Parts, mainMask: string | undefined, relativeMask: string | undefined): string {
  const { objectType, status, main, relative, commaWindow: at } = parts;
  if (isHandlingTime(mainMask, relativeMask)) return `Average handling time per call (time on the call plus after-call work)${at}`;
  const same = relativeMask === undefined || parseMask(relativeMask).include.join() === parseMask(mainMask).include.join();
  if (same && !status && objectType === 'Queue' && maskIs(mainMask, ['CallWait'])) {
    // A wait ends when the call is distributed to an agent or the caller hangs up; both count.
    return `Average time calls waited in the queue before reaching an agent or hanging up${at}`;
  }
  if (same && !status) return `Average duration of ${countOf(main, objectType)}${at}`;
  if (same) return `Average time ${spender(objectType)} spent ${main.during} each time${at}`;
  return `Average time ${spender(objectType)} spent ${main.during}, divided by the number of ${countOf(relative, objectType)}${at}`;
}

function rangeText(left: number | undefined, right: number | undefined, within: string): string {
  if (right === undefined) return 'within the target time';
  return left === undefined || left === 0 ? `${within} ${right} s` : `between ${left} and ${right} s`;
}

function serviceFactor(parts: Parts, definition: DescribableStatistic['definition']): string {
  const answered = rangeText(definition.timeRangeLeft, definition.timeRangeRight, 'within');
  // Only callers who hang up within the second range are left out (evaluate-statistic.ts): every other abandon is a miss.
  const abandoned = definition.timeRangeRight2 === undefined ? 'abandoned calls count as missed' : `calls abandoned after ${definition.timeRangeRight2} s count as missed`;
  return `Share of calls answered ${answered} (${abandoned})${parts.commaWindow}`;
}

function inRangePercentage(parts: Parts, definition: DescribableStatistic['definition']): string {
  const mask = parseMask(definition.mainMask).include.join();
  const { timeRangeLeft: left, timeRangeRight: right } = definition;
  // Answered and abandoned calls carry their wait as their duration: the range is on the wait.
  if (mask === 'CallAnswered' || mask === 'CallAbandoned') return `Share of ${parts.main.count ?? 'calls'} ${rangeText(left, right, 'within')}${parts.commaWindow}`;
  if (mask === 'CallWait') return `Share of calls that waited ${rangeText(left, right, 'at most')} in the queue${parts.commaWindow}`;
  return `Share of ${countOf(parts.main, parts.objectType)} that lasted ${rangeText(left, right, 'at most')}${parts.commaWindow}`;
}

function agentState(category: 'CurrentState' | 'CurrentTargetState'): string {
  const as = category === 'CurrentTargetState' ? ' as a routing target' : '';
  return `The agent's current state${as} (ready, not ready, on a call, in after-call work or logged out) and how long it has lasted`;
}

/** `TotalTime` → "total time": an unknown category still reads as words. */
function spelt(category: string): string {
  return category.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function describeStatistic(statistic: DescribableStatistic): string {
  const { objectType, definition } = statistic;
  const window = timeWindowWords(definition);
  const main = maskWords(parseMask(definition.mainMask));
  const parts: Parts = {
    objectType,
    status: STATUS_SUBJECTS.has(definition.subject),
    main,
    relative: definition.relativeMask === undefined ? main : maskWords(parseMask(definition.relativeMask)),
    window: window === undefined ? '' : ` ${window}`,
    commaWindow: window === undefined ? '' : `, ${window}`,
  };
  return `${sentence(parts, definition)}.`;
}

function sentence(parts: Parts, definition: DescribableStatistic['definition']): string {
  const { category, mainMask, relativeMask } = definition;
  switch (category) {
    case 'CurrentState':
    case 'CurrentTargetState':
      return agentState(category);
    case 'CurrentNumber':
      return currentNumber(parts);
    case 'CurrentMaxTime':
      return currentMaxTime(parts, mainMask);
    case 'TotalNumber':
      return `${capitalize(countOf(parts.main, parts.objectType))}${parts.window}`;
    case 'TotalAdjustedTime':
      return totalAdjustedTime(parts);
    case 'AverageTime':
      return averageTime(parts, mainMask, relativeMask);
    case 'AverageNumberPerRelativeHour':
      return `${capitalize(countOf(parts.main, parts.objectType))} per hour ${parts.relative.during}${parts.commaWindow}`;
    case 'ServiceFactor1':
      return serviceFactor(parts, definition);
    case 'TotalNumberInTimeRangePercentage':
      return inRangePercentage(parts, definition);
    default:
      return `${capitalize(spelt(category))} of ${parts.status ? `agents ${parts.main.state}` : countOf(parts.main, parts.objectType)}${parts.window}`;
  }
}
