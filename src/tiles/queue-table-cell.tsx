import type { ReactElement } from 'react';
import type { TableColumn } from '../boards/board-schema.ts';
import { formatValue } from '../lib/format-value.ts';
import { agentState } from './agent-time-in-state.ts';
import { agentStateLook } from './agent-states.ts';
import { LevelIcon } from './level-icon.tsx';
import { LEVEL_LOOKS } from './level-look.ts';
import { tileAttributes } from './tile-attributes.ts';
import { useNow } from './ticker.ts';
import { displayedNumber, isTicking } from './ticking.ts';
import { cellKey } from './use-cell-value.ts';
import { useStatValue } from '../store/stat-store-context.tsx';
import { useThresholdState } from './use-threshold-state.ts';

const STATUS_LOOK = { live: '', loading: 'opacity-50 animate-pulse', stale: 'opacity-50 italic', error: 'text-red-200' } as const;

/**
 * One statistic of one row's object. The cell is itself a tile root (CONTRACTS.md attributes), so
 * browser tests read a table exactly like stat tiles; it re-renders only for its own value.
 */
export function QueueTableCell({ column, rowType, objectId }: { readonly column: TableColumn; readonly rowType: string; readonly objectId: string }): ReactElement {
  const objectType = column.objectType ?? rowType;
  const key = cellKey(objectType, objectId, column.statistic, column.serviceLevelSeconds);
  const value = useStatValue(key);
  const status = value?.status ?? 'loading';
  const ticking = isTicking(column.statistic, value);
  const now = useNow(ticking);
  const shown = displayedNumber(column.statistic, value, now);
  const state = agentState(value);
  const { level } = useThresholdState(key, shown, column.thresholds, column.format, ticking ? now : (value?.receivedAt ?? 0));
  const look = LEVEL_LOOKS[level];
  const text = state ? agentStateLook(state.state).label : formatValue(shown, column.format);
  const why = status === 'error' || status === 'stale' ? `${status}${value?.reason ? `: ${value.reason}` : ''}` : undefined;
  return (
    <td
      {...tileAttributes({ statistic: column.statistic, objectType, objectId, value, level })}
      title={why}
      className={`border-b border-slate-800 px-[0.6em] py-[0.15em] text-right font-semibold tabular-nums ${look.cell} ${look.text} ${STATUS_LOOK[status]}`}
    >
      <span className="inline-flex items-center justify-end gap-[0.3em]">
        <LevelIcon level={level} className="text-[0.7em]" />
        {status === 'error' ? <span aria-label={why}>✕</span> : text}
      </span>
    </td>
  );
}
