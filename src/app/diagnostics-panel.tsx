import type { ReactElement } from 'react';
import { useConnection, useDiagnostics } from '../store/stat-store-context.tsx';

/** For the person debugging a board: what was dropped and why, and how much flows. */
export function DiagnosticsPanel({ subscribed, onClose }: { readonly subscribed: number; readonly onClose: () => void }): ReactElement {
  const diagnostics = useDiagnostics();
  const connection = useConnection();
  const reasons = Object.entries(diagnostics.droppedByReason);
  return (
    <aside
      data-testid="diagnostics"
      aria-label="Diagnostics"
      className="fixed right-4 top-16 z-20 w-80 rounded-lg border border-slate-600 bg-slate-900/95 p-4 text-sm shadow-xl"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 className="font-semibold">Diagnostics</h2>
        <button type="button" onClick={onClose} className="rounded px-2 text-slate-300 hover:bg-slate-700" aria-label="Close diagnostics">
          ✕
        </button>
      </div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
        <dt>Connection</dt>
        <dd data-testid="diagnostics-connection">{connection.state}</dd>
        <dt>Statistics on screen</dt>
        <dd>{subscribed}</dd>
        <dt>Updates applied</dt>
        <dd>{diagnostics.updatesApplied}</dd>
        <dt>Store commits</dt>
        <dd>{diagnostics.flushes}</dd>
        <dt>Dropped messages</dt>
        <dd data-testid="diagnostics-dropped">{diagnostics.dropped}</dd>
      </dl>
      {reasons.length > 0 && (
        <ul className="mt-2 space-y-1 text-slate-300">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {count} × {reason}
            </li>
          ))}
        </ul>
      )}
      {connection.detail && <p className="mt-2 text-slate-400">{connection.detail}</p>}
    </aside>
  );
}
