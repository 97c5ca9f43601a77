import { memo, type ReactElement } from 'react';
import type { Threshold } from '../boards/board-schema.ts';
import { formatClockTime, formatValue, type ValueFormat } from '../lib/format-value.ts';
import type { StatValue } from '../store/stat-value.ts';
import { agentState } from './agent-time-in-state.ts';
import { agentStateLook } from './agent-states.ts';
import { LevelIcon } from './level-icon.tsx';
import type { Level } from './level-for.ts';
import { LEVEL_LOOKS } from './level-look.ts';
import { tileAttributes } from './tile-attributes.ts';
import { TileStatusNote } from './tile-status-note.tsx';
import { useNow } from './ticker.ts';
import { displayedNumber, isTicking } from './ticking.ts';
import { cellKey, useCellValue } from './use-cell-value.ts';
import { useThresholdState } from './use-threshold-state.ts';
import { valueFontSize } from './value-font-size.ts';

/** What the note needs to know of any live value: that it is live. */
const LIVE: StatValue = { key: '', value: null, timestamp: 0, receivedAt: 0, periodMs: undefined, status: 'live' };

// A new value changes the value line only: the lines around it are memoized, so React skips them
// (a thousand tiles under a firehose, docs/performance.md).
const TileHeading = memo(function TileHeading({ heading, level }: { readonly heading: string; readonly level: Level }): ReactElement {
  return (
    <div className="flex items-center justify-between gap-[2cqw] text-[clamp(0.8rem,16cqh,3rem)] leading-tight font-medium text-slate-100">
      <span className="truncate">{heading}</span>
      <LevelIcon level={level} />
    </div>
  );
});

const TileFooter = memo(function TileFooter({
  caption,
  value,
  now,
  breachedSince,
}: {
  readonly caption: string | undefined;
  readonly value: StatValue | undefined;
  readonly now: number;
  readonly breachedSince: number | undefined;
}): ReactElement {
  return (
    <div className="flex items-baseline justify-between gap-[2cqw] text-[clamp(0.7rem,10cqh,2rem)] leading-tight">
      {caption ? (
        <span className="truncate text-slate-300" title={caption}>
          {caption}
        </span>
      ) : (
        <span />
      )}
      {breachedSince !== undefined ? (
        <span data-testid="breached-since" className="truncate" title={`Breached since ${formatClockTime(breachedSince)}`}>
          since {formatClockTime(breachedSince)}
        </span>
      ) : (
        <TileStatusNote value={value} now={now} className="truncate" />
      )}
    </div>
  );
});

export interface StatTileProps {
  readonly statistic: string;
  readonly objectType: string;
  readonly objectId: string;
  /** The top line: the tile's title or the statistic's label — or, in a group titled by the statistic, the object's name. */
  readonly heading: string;
  /** The bottom line: the object's name, when the heading is not already it. */
  readonly caption?: string;
  readonly format: ValueFormat;
  readonly thresholds?: readonly Threshold[];
  /** The answer-time target of a service level (board `serviceLevelSeconds`): part of which value this is. */
  readonly serviceLevelSeconds?: number | undefined;
}

/**
 * One statistic of one object, as big as the tile allows (the tile is a size container and the
 * value is sized in container units), readable across a room. The level is judged on the value
 * shown (a ticking wait turns amber when the clock on screen passes the threshold).
 */
export function StatTile({ statistic, objectType, objectId, heading, caption, format, thresholds, serviceLevelSeconds }: StatTileProps): ReactElement {
  const value = useCellValue(objectType, objectId, statistic, serviceLevelSeconds);
  const status = value?.status ?? 'loading';
  const now = useNow(isTicking(statistic, value) || status === 'stale');
  const shown = displayedNumber(statistic, value, now);
  const state = agentState(value);
  const text = state ? agentStateLook(state.state).label : formatValue(shown, format);
  const ticking = isTicking(statistic, value);
  const { level, breachedSince, flashing } = useThresholdState(cellKey(objectType, objectId, statistic, serviceLevelSeconds), shown, thresholds, format, ticking ? now : (value?.receivedAt ?? 0));
  const look = LEVEL_LOOKS[level];
  const dimmed = status === 'stale' || status === 'loading' ? 'opacity-60 saturate-50' : '';
  // The note reads the value only when it is not live (its age, its reason).
  const noteValue = status === 'live' ? LIVE : value;
  const noteNow = status === 'stale' ? now : 0;
  return (
    <div
      {...tileAttributes({ statistic, objectType, objectId, value, level })}
      className={`flex h-full min-h-0 w-full min-w-0 flex-col overflow-hidden rounded-lg border-2 px-[0.6rem] py-[0.4rem] [container-type:size] ${look.frame} ${flashing ? look.flash : ''} ${status === 'error' ? 'border-dashed' : ''} ${dimmed}`}
    >
      <TileHeading heading={heading} level={level} />
      <div
        data-testid="tile-value"
        className={`flex min-h-0 flex-1 items-center justify-center font-semibold leading-none tabular-nums ${look.text} ${status === 'loading' ? 'animate-pulse' : ''}`}
        style={{ fontSize: valueFontSize(text, caption ? 48 : 56, state ? undefined : format) }}
      >
        {text}
      </div>
      <TileFooter caption={caption} value={noteValue} now={noteNow} breachedSince={status === 'live' ? breachedSince : undefined} />
    </div>
  );
}
