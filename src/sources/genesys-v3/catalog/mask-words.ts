import type { StatisticMask } from './statistic-mask.ts';

/**
 * Mask items in a supervisor's words, in the three forms a sentence needs: a state an agent is in
 * ("ready"), a thing counted ("calls answered"), and what time is spent on ("on calls"). Items the
 * table does not know (a tenant's Stat Server has more than the mock) are spelt out from their
 * name, so no sentence ever shows a raw token.
 */
interface ItemWords {
  /** The agent is … */
  readonly state: string;
  /** Number of … (undefined: counted as "times an agent became <state>"). */
  readonly count?: string;
  /** Time spent … */
  readonly during: string;
  /** … now (a current count); defaults to the count. */
  readonly current?: string;
}

const call = (kind: string, article: string): ItemWords => ({
  state: `on ${article} ${kind} call`,
  count: `${kind} calls`,
  during: `on ${kind} calls`,
  current: `${kind} calls in progress`,
});

const held = (kind: string, article: string): ItemWords => ({
  state: `with ${article} ${kind} call on hold`,
  count: `holds of ${kind} calls`,
  during: `with ${kind} calls on hold`,
});

// A Map, not an object literal: an item such as "constructor" must be spelt out, not found.
const ITEMS: ReadonlyMap<string, ItemWords> = new Map([
  ['LoggedOut', { state: 'logged out', during: 'logged out' }],
  ['NotMonitored', { state: 'not monitored', during: 'not monitored' }],
  ['WaitForNextCall', { state: 'ready', during: 'ready' }],
  ['NotReadyForNextCall', { state: 'not ready', during: 'not ready' }],
  ['AfterCallWork', { state: 'in after-call work', during: 'in after-call work' }],
  ['CallRinging', { state: 'ringing', count: 'calls that rang', during: 'ringing', current: 'calls ringing' }],
  ['CallDialing', { state: 'dialling', count: 'calls dialled', during: 'dialling', current: 'calls being dialled' }],
  ['CallInbound', call('inbound', 'an')],
  ['CallOutbound', call('outbound', 'an')],
  ['CallInternal', call('internal', 'an')],
  ['CallConsult', call('consultation', 'a')],
  ['CallUnknown', { state: 'on a call of unknown type', count: 'calls of unknown type', during: 'on calls of unknown type', current: 'calls of unknown type in progress' }],
  ['CallOnHold', { state: 'with a call on hold', count: 'holds', during: 'with calls on hold', current: 'calls on hold' }],
  ['CallOnHoldInbound', held('inbound', 'an')],
  ['CallOnHoldOutbound', held('outbound', 'an')],
  ['CallOnHoldInternal', held('internal', 'an')],
  ['CallOnHoldConsult', held('consultation', 'a')],
  ['CallOnHoldUnknown', { state: 'with a call of unknown type on hold', count: 'holds of calls of unknown type', during: 'with calls of unknown type on hold' }],
  ['CallWait', { state: 'with a call waiting', count: 'calls that entered the queue', during: 'waiting', current: 'calls waiting' }],
  ['CallAnswered', { state: 'answering', count: 'calls answered', during: 'answering' }],
  ['CallAbandoned', { state: 'abandoned', count: 'calls abandoned', during: 'abandoned' }],
  ['CallDistributed', { state: 'distributed', count: 'calls distributed', during: 'distributed' }],
]);

/** Items that together are "a call" of any kind: a mask listing them all reads as one word. */
const GROUPS: readonly { readonly items: readonly string[]; readonly words: ItemWords }[] = [
  {
    items: ['CallInbound', 'CallOutbound', 'CallInternal', 'CallConsult', 'CallUnknown'],
    words: { state: 'on a call', count: 'calls', during: 'on calls', current: 'calls in progress' },
  },
  {
    items: ['CallOnHoldInbound', 'CallOnHoldOutbound', 'CallOnHoldInternal', 'CallOnHoldConsult', 'CallOnHoldUnknown'],
    words: { state: 'with a call on hold', count: 'holds', during: 'with calls on hold', current: 'calls on hold' },
  },
];

/** `CallParked` → "call parked": an unknown item still reads as words. */
function spelt(item: string): ItemWords {
  const words = item.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return { state: words, count: words, during: words };
}

function itemWords(items: readonly string[]): ItemWords[] {
  let rest = [...items];
  const out: ItemWords[] = [];
  for (const group of GROUPS) {
    if (group.items.every((item) => rest.includes(item))) {
      out.push(group.words);
      rest = rest.filter((item) => !group.items.includes(item));
    }
  }
  return [...out, ...rest.map((item) => ITEMS.get(item) ?? spelt(item))];
}

/** "a", "a or b", "a, b or c". */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1] ?? ''}`;
}

export interface MaskWords {
  /** "ready", "in after-call work or not ready", "logged in". */
  readonly state: string;
  /** "calls answered", "inbound calls"; undefined for states that are not calls ("ready"). */
  readonly count: string | undefined;
  readonly during: string;
  readonly current: string;
  /** `*` with nothing left out: every state there is. */
  readonly everything: boolean;
}

export function maskWords(mask: StatisticMask): MaskWords {
  if (mask.all) {
    const excluded = mask.exclude;
    if (excluded.length === 0) return { state: 'in any state', count: undefined, during: 'in any state', current: 'agents in any state', everything: true };
    // Leaving out LoggedOut (and NotMonitored, which is not a state anyone works in) is "logged in".
    const loggedIn = excluded.includes('LoggedOut');
    const others = itemWords(excluded.filter((item) => !(loggedIn && (item === 'LoggedOut' || item === 'NotMonitored'))));
    const base = loggedIn ? 'logged in' : 'in any state';
    const except = others.length > 0 ? ` (except ${joinWords(others.map((w) => w.state), 'or')})` : '';
    return { state: `${base}${except}`, count: undefined, during: `${base}${except}`, current: `agents ${base}${except}`, everything: false };
  }
  const words = itemWords(mask.include);
  const counts = words.map((w) => w.count);
  return {
    state: joinWords(words.map((w) => w.state), 'or'),
    count: counts.every((c) => c !== undefined) ? joinWords(counts, 'and') : undefined,
    during: joinWords(words.map((w) => w.during), 'or'),
    current: joinWords(words.map((w) => w.current ?? w.count ?? w.state), 'and'),
    everything: false,
  };
}
