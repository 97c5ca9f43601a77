import { memo, type ReactElement } from 'react';
import type { Threshold } from '../boards/board-schema.ts';
import { formatValue, type ValueFormat } from '../lib/format-value.ts';
import { useStatValue } from '../store/stat-store-context.tsx';
import type { StatValue } from '../store/stat-value.ts';
import { agentState } from './agent-time-in-state.ts';
import { agentStateLook } from './agent-states.ts';
import { LEVEL_LOOKS } from './level-look.ts';
import { tileAttributes } from './tile-attributes.ts';
import { BreachedSince, TileHeading } from './tile-heading.tsx';
import { TileStatusNote } from './tile-status-note.tsx';
import { useNow } from './ticker.ts';
import { displayedNumber, isTicking } from './ticking.ts';
import { cellKey } from './use-cell-value.ts';
import { useStatisticInfo } from './statistic-info.tsx';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import { useThresholdState } from './use-threshold-state.ts';
import { valueFontSize } from './value-font-size.ts';

/** What the note needs to know of any live value: that it is live. */
const LIVE: StatValue = { key: '', value: null, timestamp: 0, receivedAt: 0, periodMs: undefined, status: 'live' };

// The footer is memoized like the heading (tile-heading.tsx): a new value re-renders the value line only.
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
        <BreachedSince at={breachedSince} />
      ) : (
        <TileStatusNote value={value} now={now} className="truncate" />
      )}
    </div>
  );
});

export interface StatTileProps {
  readonly statistic: string;
  readonly source: string;
  readonly kind: ObjectKind;
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
export function StatTile({ statistic, source, kind, objectId, heading, caption, format, thresholds, serviceLevelSeconds }: StatTileProps): ReactElement {
  const key = cellKey(source, kind, objectId, statistic, serviceLevelSeconds);
  const value = useStatValue(key);
  const status = value?.status ?? 'loading';
  const clock = useStatisticInfo(source, statistic).ticking;
  const ticking = isTicking(clock, value);
  const now = useNow(ticking || status === 'stale');
  const shown = displayedNumber(clock, value, now);
  const state = agentState(value);
  const text = state ? agentStateLook(state).label : formatValue(shown, format);
  const { level, breachedSince, flashing } = useThresholdState(key, shown, thresholds, format, ticking ? now : (value?.receivedAt ?? 0));
  const look = LEVEL_LOOKS[level];
  const dimmed = status === 'stale' || status === 'loading' ? 'opacity-60 saturate-50' : '';
  // The note reads the value only when it is not live (its age, its reason).
  const noteValue = status === 'live' ? LIVE : value;
  const noteNow = status === 'stale' ? now : 0;
  return (
    <div
      {...tileAttributes({ statistic, source, kind, objectId, value, level })}
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
