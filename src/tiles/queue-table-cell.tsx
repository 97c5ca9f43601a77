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
import { useStatisticInfo } from './statistic-info.tsx';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import { useStatValue } from '../store/stat-store-context.tsx';
import { useThresholdState } from './use-threshold-state.ts';

const STATUS_LOOK = { live: '', loading: 'opacity-50 animate-pulse', stale: 'opacity-50 italic', error: 'text-red-200' } as const;

/**
 * One statistic of one row's object. The cell is itself a tile root (docs/architecture.md "What browser tests rely on"), so
 * browser tests read a table exactly like stat tiles; it re-renders only for its own value.
 */
export function QueueTableCell({
  column,
  source,
  rowKind,
  objectId,
}: {
  readonly column: TableColumn;
  readonly source: string;
  readonly rowKind: ObjectKind;
  readonly objectId: string;
}): ReactElement {
  const kind = column.objectKind ?? rowKind;
  const key = cellKey(source, kind, objectId, column.statistic, column.serviceLevelSeconds);
  const value = useStatValue(key);
  const status = value?.status ?? 'loading';
  const clock = useStatisticInfo(source, column.statistic).ticking;
  const ticking = isTicking(clock, value);
  const now = useNow(ticking);
  const shown = displayedNumber(clock, value, now);
  const state = agentState(value);
  const { level } = useThresholdState(key, shown, column.thresholds, column.format, ticking ? now : (value?.receivedAt ?? 0));
  const look = LEVEL_LOOKS[level];
  const text = state ? agentStateLook(state).label : formatValue(shown, column.format);
  const why = status === 'error' || status === 'stale' ? `${status}${value?.reason ? `: ${value.reason}` : ''}` : undefined;
  return (
    <td
      {...tileAttributes({ statistic: column.statistic, source, kind, objectId, value, level })}
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
