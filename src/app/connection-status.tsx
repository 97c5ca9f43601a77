import type { ReactElement } from 'react';
import type { ConnectionState } from '../sources/stat-source.ts';
import { useConnection } from '../store/stat-store-context.tsx';

const LOOK: Readonly<Record<ConnectionState, { label: string; icon: string; className: string }>> = {
  connecting: { label: 'Connecting', icon: '◌', className: 'text-sky-300 border-sky-500/60' },
  live: { label: 'Live', icon: '●', className: 'text-emerald-300 border-emerald-500/60' },
  reconnecting: { label: 'Reconnecting', icon: '↻', className: 'text-amber-300 border-amber-500/60' },
  unavailable: { label: 'Statistics unavailable', icon: '▲', className: 'text-red-300 border-red-500/70' },
  unauthorized: { label: 'Sign-in needed', icon: '✕', className: 'text-red-300 border-red-500/70' },
};

/** The header's connection state (CONTRACTS.md: `data-testid="connection-status"`, `data-state`). Shape and word, not colour alone. */
export function ConnectionStatus(): ReactElement {
  const connection = useConnection();
  const look = LOOK[connection.state];
  return (
    <span
      data-testid="connection-status"
      data-state={connection.state}
      role="status"
      title={connection.detail}
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-semibold ${look.className}`}
    >
      <span aria-hidden="true">{look.icon}</span>
      {look.label}
    </span>
  );
}
