import { lazy, Suspense, type ReactElement } from 'react';
import { useBoardObjects } from '../boards/board-objects.ts';
import type { TrendTileConfig } from '../boards/board-schema.ts';
import { serviceLevelTargetText } from '../boards/service-level-target.ts';
import { statSpecFor } from '../boards/stat-spec-for.ts';
import { statKey } from '../sources/stat-spec.ts';
import { objectsNoun } from './object-nouns.ts';
import { historyBuffer, type HistoryBuffer } from './history-buffer.ts';
import { HistoryRecorder } from './history-recorder.tsx';
import { ObjectsStatus } from './objects-status.tsx';
import { useStatisticInfo } from './statistic-info.tsx';
import { tileSourceId, useSources } from '../boards/sources-context.tsx';
import { useHistory } from './use-history.ts';

// recharts is the largest dependency: boards without a trend never download it.
const TrendChart = lazy(() => import('./trend-chart.tsx').then((module) => ({ default: module.TrendChart })));

/**
 * One statistic over the last N minutes, one line per object, drawn from the values this page has
 * seen (there is no history API): the lines start when the board opens.
 */
export function TrendTile({ tile, buffer = historyBuffer }: { readonly tile: TrendTileConfig; readonly buffer?: HistoryBuffer }): ReactElement {
  const source = tileSourceId(tile, useSources());
  const resolved = useBoardObjects(source, tile.object);
  const keys = resolved.objects.map((object) => statKey(statSpecFor(source, tile.object.kind, object.id, tile.statistic, tile.serviceLevelSeconds)));
  const statisticLabel = useStatisticInfo(source, tile.statistic).label;
  const points = useHistory(buffer, keys);
  const series = resolved.objects.map((object, i) => ({ id: object.id, name: object.name, points: points[i] ?? [] }));
  const title = tile.title ?? `${statisticLabel}, last ${tile.minutes} min`;
  const label = tile.serviceLevelSeconds === undefined ? title : `${title} · ${serviceLevelTargetText(tile.serviceLevelSeconds)}`;
  return (
    <section aria-label={label} className="flex h-full min-h-0 flex-col gap-1">
      <h2 className="truncate text-[clamp(0.9rem,1.4vw,2rem)] font-semibold text-slate-200">{label}</h2>
      {keys.map((key) => (
        <HistoryRecorder key={key} statKey={key} buffer={buffer} />
      ))}
      <ObjectsStatus resolved={resolved} noun={objectsNoun(tile.object)} />
      <div className="min-h-0 flex-1 rounded-lg border-2 border-slate-700 bg-slate-900 p-1 text-sm">
        <Suspense fallback={<p className="p-2 text-slate-400">Loading chart…</p>}>
          <TrendChart series={series} format={tile.format} minutes={tile.minutes} thresholds={tile.thresholds} />
        </Suspense>
      </div>
    </section>
  );
}
