import { memo, type ReactElement } from 'react';
import { formatClockTime } from '../lib/format-value.ts';
import { LevelIcon } from './level-icon.tsx';
import type { Level } from './level-for.ts';

/**
 * A tile's top line: its heading and its level's shape. Memoized: a new value changes the value
 * line only, and React skips this one (a thousand tiles under a firehose, docs/performance.md).
 */
export const TileHeading = memo(function TileHeading({ heading, level }: { readonly heading: string; readonly level: Level }): ReactElement {
  return (
    <div className="flex items-center justify-between gap-[2cqw] text-[clamp(0.8rem,16cqh,3rem)] leading-tight font-medium text-slate-100">
      <span className="truncate">{heading}</span>
      <LevelIcon level={level} />
    </div>
  );
});

/** "since 10:42": when a breached tile went over its line. */
export function BreachedSince({ at }: { readonly at: number }): ReactElement {
  const time = formatClockTime(at);
  return (
    <span data-testid="breached-since" className="truncate" title={`Breached since ${time}`}>
      since {time}
    </span>
  );
}
