import type { ReactElement } from 'react';
import { formatValue } from '../lib/format-value.ts';
import { agentOrder } from './agent-order.ts';
import { agentStateLook } from './agent-states.ts';
import { agentState, timeInStateSeconds } from './agent-time-in-state.ts';
import { tileAttributes } from './tile-attributes.ts';
import { TileStatusNote } from './tile-status-note.tsx';
import { useNow } from './ticker.ts';
import { useCellValue } from './use-cell-value.ts';

export interface AgentCellProps {
  readonly source: string;
  readonly agentId: string;
  readonly name: string;
  readonly statistic: string;
}

/**
 * One agent: state (colour and shape), name, time in state ticking from when they entered it.
 * Logged-out agents shrink to a dim chip (dim by its colours, not by opacity, so its name keeps a readable contrast): on a floor of forty, who is not working is the least news.
 */
export function AgentCell({ source, agentId, name, statistic }: AgentCellProps): ReactElement {
  const value = useCellValue(source, 'agent', agentId, statistic);
  const state = agentState(value);
  const look = agentStateLook(state);
  const loggedOut = look.group === 'logged-out';
  const live = value?.status === 'live';
  const now = useNow((live && state !== undefined && !loggedOut) || value?.status === 'stale');
  const attributes = tileAttributes({ statistic, source, kind: 'agent', objectId: agentId, value, level: 'none' });
  const icon = (
    <span role="img" aria-label={look.label} className="leading-none">
      {look.icon}
    </span>
  );
  if (loggedOut) {
    return (
      <li {...attributes} style={{ order: agentOrder(value) }} className={`flex w-[clamp(8rem,10cqw,13rem)] items-center gap-2 self-start rounded-md border px-2 py-1 text-[clamp(0.8rem,1cqw,1.1rem)] ${look.className}`}>
        {icon}
        <span className="truncate">{name}</span>
      </li>
    );
  }
  const reason = state?.reason ? ` · ${state.reason}` : '';
  return (
    <li
      {...attributes}
      style={{ order: agentOrder(value) }}
      className={`flex w-[clamp(11rem,15.5cqw,22rem)] flex-col gap-1 rounded-lg border-2 px-2.5 py-1.5 ${look.className} ${live || value === undefined ? '' : 'opacity-60 saturate-50'}`}
    >
      <div className="flex items-center gap-2 text-[clamp(1rem,1.35cqw,1.75rem)] font-semibold">
        {icon}
        <span className="truncate">{name}</span>
      </div>
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate text-[clamp(0.8rem,1cqw,1.3rem)]" title={`${look.label}${reason}`}>
          {look.label}
          {reason}
        </span>
        <span className="text-[clamp(1.1rem,1.9cqw,2.4rem)] leading-none font-semibold tabular-nums">{formatValue(timeInStateSeconds(value, now), 'duration')}</span>
      </div>
      <TileStatusNote value={value} now={now} className="truncate text-[clamp(0.7rem,0.9cqw,1.1rem)]" />
    </li>
  );
}
