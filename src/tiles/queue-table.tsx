import type { ReactElement } from 'react';
import { useBoardObjects } from '../boards/board-objects.ts';
import type { TableColumn, TableTileConfig } from '../boards/board-schema.ts';
import { serviceLevelTargetText } from '../boards/service-level-target.ts';
import { objectsNoun } from './object-nouns.ts';
import { ObjectsStatus } from './objects-status.tsx';
import { QueueTableCell } from './queue-table-cell.tsx';
import { statisticInfo, useStatisticCatalogs } from './statistic-info.tsx';
import { tileSourceId, useSources } from '../boards/sources-context.tsx';
import { objectKindWords } from '../vocabulary/object-kinds.ts';

/** A column's header; a service level with its own answer time says which (in full on hover). */
function columnHeading(column: TableColumn, statisticLabel: string): { readonly text: string; readonly title: string | undefined } {
  const label = column.label ?? statisticLabel;
  if (column.serviceLevelSeconds === undefined) return { text: label, title: undefined };
  return { text: `${label} (${column.serviceLevelSeconds} s)`, title: `${label}, ${serviceLevelTargetText(column.serviceLevelSeconds)}` };
}

/**
 * A row per object (a `*` row set is every object of the catalog, by name) and a column per
 * statistic. The text is sized from the number of rows and columns so the table fills its area.
 */
export function QueueTable({ tile }: { readonly tile: TableTileConfig }): ReactElement {
  const source = tileSourceId(tile, useSources());
  const catalogs = useStatisticCatalogs();
  const resolved = useBoardObjects(source, tile.object);
  const rows = resolved.objects.length;
  const columns = tile.columns.length;
  const fontSize = `min(${Math.floor(62 / (rows + 1.6))}cqh, ${(140 / (12 + 7 * columns)).toFixed(2)}cqw)`;
  return (
    <section aria-label={tile.title ?? 'Table'} className="flex h-full min-h-0 flex-col gap-1">
      {tile.title ? <h2 className="truncate text-[clamp(0.9rem,1.4vw,2rem)] font-semibold text-slate-200">{tile.title}</h2> : null}
      <ObjectsStatus resolved={resolved} noun={objectsNoun(tile.object)} />
      <div className="min-h-0 flex-1 overflow-auto rounded-lg border-2 border-slate-700 bg-slate-900 [container-type:size]">
        {/* Fixed layout: the columns share the width the tile has, and a header or name that does not fit ends in an ellipsis instead of wrapping the table out of its tile. */}
        <table className="w-full table-fixed border-collapse leading-snug" style={{ fontSize }}>
          <thead>
            <tr className="text-slate-300">
              <th scope="col" className="w-[30%] truncate border-b-2 border-slate-600 px-[0.6em] py-[0.15em] text-left text-[0.75em] font-medium">
                {objectKindWords(tile.object.kind).oneTitle}
              </th>
              {tile.columns.map((column, index) => {
                const heading = columnHeading(column, statisticInfo(catalogs, source, column.statistic).label);
                return (
                  // Columns are fixed by the board file: their position is their identity.
                  <th
                    key={index}
                    scope="col"
                    title={heading.title}
                    className="truncate border-b-2 border-slate-600 px-[0.6em] py-[0.15em] text-right text-[0.75em] font-medium"
                  >
                    {heading.text}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {resolved.objects.map((object) => (
              <tr key={object.id}>
                <th scope="row" className="truncate border-b border-slate-800 px-[0.6em] py-[0.15em] text-left font-medium text-slate-100">
                  {object.name}
                </th>
                {tile.columns.map((column, index) => (
                  <QueueTableCell key={index} column={column} source={source} rowKind={tile.object.kind} objectId={object.id} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
