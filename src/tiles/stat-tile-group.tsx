import type { ReactElement } from 'react';
import { EVERY_OBJECT, useBoardObjects } from '../boards/board-objects.ts';
import type { StatTileConfig } from '../boards/board-schema.ts';
import { serviceLevelTargetText } from '../boards/service-level-target.ts';
import { objectsNoun } from './object-nouns.ts';
import { fitColumns } from './fit-grid.ts';
import { ObjectsStatus } from './objects-status.tsx';
import { StatTile } from './stat-tile.tsx';
import { useStatisticInfo } from './statistic-info.tsx';
import { tileSourceId, useSources } from '../boards/sources-context.tsx';

/**
 * A stat tile of the board file: one StatTile for a concrete object; for `*`, a titled block with
 * one StatTile per object, laid out to make each as big as the area allows.
 */
export function StatTileGroup({ tile, areaAspect }: { readonly tile: StatTileConfig; readonly areaAspect: number }): ReactElement {
  const source = tileSourceId(tile, useSources());
  const resolved = useBoardObjects(source, tile.object);
  const info = useStatisticInfo(source, tile.statistic);
  const label = tile.title ?? info.label;
  // A service level with its own answer time says which, small, next to what it is of.
  const target = tile.serviceLevelSeconds === undefined ? undefined : serviceLevelTargetText(tile.serviceLevelSeconds);
  const common = {
    statistic: tile.statistic,
    source,
    kind: tile.object.kind,
    format: tile.format,
    thresholds: tile.thresholds,
    serviceLevelSeconds: tile.serviceLevelSeconds,
  };
  const single = resolved.objects[0];
  if (tile.object.id !== EVERY_OBJECT && single) {
    return <StatTile {...common} objectId={single.id} heading={label} caption={target ? `${single.name} · ${target}` : single.name} />;
  }
  const columns = fitColumns(resolved.objects.length, areaAspect);
  return (
    <section aria-label={label} className="flex h-full min-h-0 flex-col gap-1">
      <h2 className="truncate text-[clamp(0.9rem,1.4vw,2rem)] font-semibold text-slate-200">
        {label}
        {target ? <span className="font-normal text-slate-400"> · {target}</span> : null}
      </h2>
      <ObjectsStatus resolved={resolved} noun={objectsNoun(tile.object)} />
      <div className="grid min-h-0 flex-1 gap-1.5" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridAutoRows: 'minmax(0, 1fr)' }}>
        {resolved.objects.map((object) => (
          <StatTile key={object.id} {...common} objectId={object.id} heading={object.name} />
        ))}
      </div>
    </section>
  );
}
