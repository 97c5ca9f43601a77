import { memo, type ReactElement, type ReactNode } from 'react';
import type { StatValue } from '../store/stat-value.ts';
import { useCellValue } from './use-cell-value.ts';

/** One statistic of one object, as a board cell names it (built into a key by stat-spec-for.ts). */
export interface Cell {
  readonly objectType: string;
  readonly objectId: string;
  readonly statistic: string;
}

export type CellValuesRender = (values: readonly (StatValue | undefined)[]) => ReactNode;

interface LinkProps {
  readonly cells: readonly Cell[];
  readonly index: number;
  readonly cell: Cell;
  readonly before: readonly (StatValue | undefined)[];
  readonly render: CellValuesRender;
}

/**
 * One link per cell: reads its own key and passes every value so far down to the next. A new value
 * re-renders its own link and the links after it, never the links before, and no other tile.
 */
const CellLink = memo(function CellLink({ cells, index, cell, before, render }: LinkProps): ReactElement {
  const value = useCellValue(cell.objectType, cell.objectId, cell.statistic);
  const values = [...before, value];
  const next = cells[index + 1];
  return next ? <CellLink cells={cells} index={index + 1} cell={next} before={values} render={render} /> : <>{render(values)}</>;
});

const NONE: readonly (StatValue | undefined)[] = [];

/**
 * The values of several cells, in order, handed to `children`. Each is read through the store's
 * per-key subscription (`useStatValue`), so only these keys re-render the tile. The store offers
 * one key per hook and a component may not call a hook a varying number of times, hence a chain of
 * components rather than a hook. Pass a stable `children` (useCallback): the chain is memoized.
 */
export function CellValues({ cells, children }: { readonly cells: readonly Cell[]; readonly children: CellValuesRender }): ReactElement {
  const first = cells[0];
  return first ? <CellLink cells={cells} index={0} cell={first} before={NONE} render={children} /> : <>{children(NONE)}</>;
}
