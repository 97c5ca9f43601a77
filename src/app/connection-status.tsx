import type { ReactElement } from 'react';
import { useSources, type SourceEntry } from '../boards/sources-context.tsx';
import type { ConnectionState } from '../sources/stat-source.ts';
import { useSourceConnection } from '../store/stat-store-context.tsx';

const LOOK: Readonly<Record<ConnectionState, { label: string; icon: string; className: string }>> = {
  connecting: { label: 'Connecting', icon: '◌', className: 'text-sky-300 border-sky-500/60' },
  live: { label: 'Live', icon: '●', className: 'text-emerald-300 border-emerald-500/60' },
  reconnecting: { label: 'Reconnecting', icon: '↻', className: 'text-amber-300 border-amber-500/60' },
  unavailable: { label: 'Statistics unavailable', icon: '▲', className: 'text-red-300 border-red-500/70' },
  unauthorized: { label: 'Sign-in needed', icon: '✕', className: 'text-red-300 border-red-500/70' },
};

/** One source's chip: shape and word, not colour alone; with several sources it names its own. */
function SourceStatus({ entry, named }: { readonly entry: SourceEntry; readonly named: boolean }): ReactElement {
  const connection = useSourceConnection(entry.id);
  const look = LOOK[connection.state];
  const label = named ? `${entry.definition.label}: ${look.label}` : look.label;
  return (
    <span className="inline-flex items-center gap-1">
      <span
        data-testid="connection-status"
        data-source={entry.id}
        data-state={connection.state}
        role="status"
        title={connection.detail}
        className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-semibold ${look.className}`}
      >
        <span aria-hidden="true">{look.icon}</span>
        {label}
        {named && connection.detail && connection.state !== 'live' ? <span className="sr-only">: {connection.detail}</span> : null}
      </span>
      {entry.signIn && connection.state === 'unauthorized' ? (
        <button type="button" data-testid="source-sign-in" data-source={entry.id} onClick={entry.signIn} className="rounded border border-slate-500 px-2 py-1 text-sm text-slate-100 hover:bg-slate-800">
          Sign in to {entry.definition.label}
        </button>
      ) : null}
    </span>
  );
}

/**
 * The header's connection state, one chip per source (docs/architecture.md "What browser tests rely
 * on": `data-testid="connection-status"` with `data-state` and `data-source`): an outage of one
 * source is told on its own chip, and why on hover.
 */
export function ConnectionStatus(): ReactElement {
  const sources = useSources();
  const entries = [...sources.byId.values()];
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {entries.map((entry) => (
        <SourceStatus key={entry.id} entry={entry} named={entries.length > 1} />
      ))}
    </span>
  );
}
