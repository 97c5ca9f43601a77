/**
 * A Stat Server mask (`mainMask`, `relativeMask`): comma-separated action or status names, `*` for
 * all, `~X` to leave X out. statistics.yaml sometimes quotes items (`'*',~LoggedOut`); the quotes
 * are not part of the name, as the mock reads them too.
 */
export interface StatisticMask {
  /** `*` was given, or only exclusions (which mean "everything but"). */
  readonly all: boolean;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export function parseMask(mask: string | undefined): StatisticMask {
  const items = (mask ?? '')
    .split(',')
    .map((item) => item.trim().replace(/^'+|'+$/g, '').trim())
    .filter((item) => item.length > 0);
  const include: string[] = [];
  const exclude: string[] = [];
  let all = false;
  for (const item of items) {
    if (item === '*') all = true;
    else if (item.startsWith('~')) exclude.push(item.slice(1).trim());
    else include.push(item);
  }
  // Only exclusions mean "everything but"; no mask at all restricts nothing.
  return { all: all || include.length === 0, include, exclude };
}

/** True when the mask names exactly these items, in any order, with nothing excluded. */
export function maskIs(mask: string | undefined, items: readonly string[]): boolean {
  const parsed = parseMask(mask);
  return !parsed.all && parsed.exclude.length === 0 && parsed.include.length === items.length && items.every((item) => parsed.include.includes(item));
}
