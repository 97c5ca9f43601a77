import { useMemo, type ReactElement } from 'react';
import { aggregateFirstObject, useAggregateObjects } from '../boards/aggregate-objects.ts';
import { weightStatisticOf } from '../boards/aggregate-weight.ts';
import type { BoardObject, ResolvedObjects } from '../boards/board-objects.ts';
import type { AggregateTileConfig, ObjectRef } from '../boards/board-schema.ts';
import { formatValue } from '../lib/format-value.ts';
import { useStatValues } from '../store/stat-store-context.tsx';
import type { StatValue } from '../store/stat-value.ts';
import { aggregateCaption, missingText } from './aggregate-words.ts';
import { readAggregate } from './aggregate-reading.ts';
import { countedNoun, objectsNoun } from './object-nouns.ts';
import { LEVEL_LOOKS } from './level-look.ts';
import { useStatisticInfo } from './statistic-info.tsx';
import { tileSourceId, useSources } from '../boards/sources-context.tsx';
import { tileAttributes } from './tile-attributes.ts';
import { BreachedSince, TileHeading } from './tile-heading.tsx';
import { TileStatusNote } from './tile-status-note.tsx';
import { useNow } from './ticker.ts';
import { isTicking } from './ticking.ts';
import { cellKey } from './use-cell-value.ts';
import { useThresholdState } from './use-threshold-state.ts';
import { valueFontSize } from './value-font-size.ts';

interface ViewProps {
  readonly tile: AggregateTileConfig;
  readonly source: string;
  /** The first object ref: its type and noun are every object's. */
  readonly first: ObjectRef;
  readonly weightStatistic: string | undefined;
  readonly objects: readonly BoardObject[];
  readonly listing: ResolvedObjects['status'];
  readonly listingError: string | undefined;
  /** One value per object, then (weighted) one weight per object. */
  readonly values: readonly (StatValue | undefined)[];
}

/** The frame of the stat tile around the combined number, saying in words how it was made. */
function AggregateView({ tile, source, first, weightStatistic, objects, listing, listingError, values }: ViewProps): ReactElement {
  const info = useStatisticInfo(source, tile.statistic);
  const weightLabel = useStatisticInfo(source, weightStatistic ?? '').label;
  const total = objects.length;
  const own = weightStatistic === undefined ? values : values.slice(0, total);
  const weights = weightStatistic === undefined ? undefined : values.slice(total);
  const moving = own.some((value) => isTicking(info.ticking, value)) || values.some((value) => value?.status === 'stale');
  const now = useNow(moving);
  const reading = readAggregate(tile.combine, info.ticking, own, weights, now);
  // The objects themselves come first: a list still loading or failed outranks what its values say.
  const status = listing === 'error' ? 'error' : listing === 'loading' && reading.status !== 'error' ? 'loading' : reading.status;
  const reason = listing === 'error' ? `could not list ${objectsNoun(first)}: ${listingError ?? 'error'}` : reading.reason;
  const memoryKey = `aggregate|${tile.combine}|${tile.statistic}|${weightStatistic ?? ''}|${objects.map((object) => `${source}:${first.kind}:${object.id}`).join(',')}`;
  const { level, breachedSince, flashing } = useThresholdState(memoryKey, reading.shown, tile.thresholds, tile.format, reading.ticking ? now : reading.receivedAt);
  const look = LEVEL_LOOKS[level];
  const noun = countedNoun(first, total);
  const caption = listing === 'ready' ? aggregateCaption(tile.combine, total, noun, weightStatistic, weightLabel) : '';
  const text = formatValue(reading.shown, tile.format);
  // What the attributes and the status note read: the combination as if it were one value.
  const combined: StatValue = { key: '', value: reading.raw, timestamp: 0, receivedAt: status === 'stale' ? reading.oldestReceivedAt : reading.receivedAt, periodMs: undefined, status, reason };
  const missing = reading.total - reading.counted;
  const dimmed = status === 'stale' || status === 'loading' ? 'opacity-60 saturate-50' : '';
  return (
    <div
      {...tileAttributes({ statistic: tile.statistic, source, kind: first.kind, objectId: tile.objects.map((object) => object.id).join(','), value: combined, level })}
      className={`flex h-full min-h-0 w-full min-w-0 flex-col overflow-hidden rounded-lg border-2 px-[0.6rem] py-[0.4rem] [container-type:size] ${look.frame} ${flashing ? look.flash : ''} ${status === 'error' ? 'border-dashed' : ''} ${dimmed}`}
    >
      <TileHeading heading={tile.title ?? info.label} level={level} />
      <div
        data-testid="tile-value"
        className={`flex min-h-0 flex-1 items-center justify-center font-semibold leading-none tabular-nums ${look.text} ${status === 'loading' ? 'animate-pulse' : ''}`}
        style={{ fontSize: valueFontSize(text, 48, tile.format) }}
      >
        {text}
      </div>
      <div className="flex items-baseline justify-between gap-[2cqw] text-[clamp(0.7rem,10cqh,2rem)] leading-tight">
        <span data-testid="aggregate-caption" className="truncate text-slate-300" title={caption}>
          {caption}
        </span>
        {status === 'live' && breachedSince !== undefined ? (
          <BreachedSince at={breachedSince} />
        ) : status === 'error' || status === 'stale' || missing === 0 || total === 0 ? (
          <TileStatusNote value={combined} now={now} className="truncate" />
        ) : (
          <span data-testid="aggregate-missing" className="truncate text-slate-400">
            {missingText(missing, total, noun)}
          </span>
        )}
      </div>
    </div>
  );
}

/**
 * One statistic combined over several objects (issue 8): summed, averaged, maxed, or a service
 * level weighted by answered calls. Looks like a stat tile and says how its number was made.
 * `data-object-id` is the board's own ids joined by commas (`sales,billing`, or `*`): what the board
 * file says, stable while a catalog loads, and enough for a test to find the tile.
 */
export function AggregateTile({ tile }: { readonly tile: AggregateTileConfig }): ReactElement {
  const source = tileSourceId(tile, useSources());
  const resolved = useAggregateObjects(source, tile.objects);
  const first = aggregateFirstObject(tile);
  const kind = first.kind;
  const weightStatistic = weightStatisticOf(tile);
  const { objects, status, error } = resolved;
  const keys = useMemo(() => {
    const of = (statistic: string): string[] => objects.map((object) => cellKey(source, kind, object.id, statistic));
    return weightStatistic === undefined ? of(tile.statistic) : [...of(tile.statistic), ...of(weightStatistic)];
  }, [objects, source, kind, tile.statistic, weightStatistic]);
  const values = useStatValues(keys);
  return <AggregateView tile={tile} source={source} first={first} weightStatistic={weightStatistic} objects={objects} listing={status} listingError={error} values={values} />;
}
