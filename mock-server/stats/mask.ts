/**
 * Stat Server masks (docs/vendors/genesys-engage.md §3.2): a comma-separated list of action or status names;
 * `*` means all, `~X` excludes X. A mask is compiled once into a predicate.
 */
export const MASK_ITEMS = [
  // agent / DN statuses
  'LoggedOut',
  'NotMonitored',
  'WaitForNextCall',
  'NotReadyForNextCall',
  'AfterCallWork',
  'CallRinging',
  'CallDialing',
  'CallInbound',
  'CallOutbound',
  'CallInternal',
  'CallConsult',
  'CallUnknown',
  'CallOnHold',
  'CallOnHoldInbound',
  'CallOnHoldOutbound',
  'CallOnHoldInternal',
  'CallOnHoldConsult',
  'CallOnHoldUnknown',
  // actions on queues
  'CallWait',
  'CallAnswered',
  'CallAbandoned',
  'CallDistributed',
] as const;

const KNOWN = new Set<string>(MASK_ITEMS);

export type MaskPredicate = (item: string) => boolean;

export type MaskResult = { readonly ok: true; readonly matches: MaskPredicate } | { readonly ok: false; readonly message: string };

export function compileMask(mask: string): MaskResult {
  const items = mask
    .split(',')
    .map((s) => s.trim().replace(/^'+|'+$/g, '').trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) return { ok: false, message: 'empty mask' };
  const include = new Set<string>();
  const exclude = new Set<string>();
  let all = false;
  for (const item of items) {
    if (item === '*') {
      all = true;
      continue;
    }
    const negated = item.startsWith('~');
    const name = negated ? item.slice(1).trim() : item;
    if (!KNOWN.has(name)) return { ok: false, message: `unknown mask item "${name}"` };
    (negated ? exclude : include).add(name);
  }
  if (!all && include.size === 0) all = true; // only exclusions: "everything but"
  return { ok: true, matches: (x) => !exclude.has(x) && (all || include.has(x)) };
}
