import type { ReactElement } from 'react';
import { APP_VERSION } from '../lib/app-version.ts';
import { useConnection, useDiagnostics } from '../store/stat-store-context.tsx';
import { useNow } from '../tiles/ticker.ts';
import { sampleHeap } from './heap-watch.ts';
import type { WakeLockState } from './use-wake-lock.ts';

export interface HealthOverlayProps {
  readonly subscriptions: number;
  readonly startedAt: number;
  readonly lastActivityAt: () => number;
  readonly healLevel: () => number;
  readonly lastHealAction: () => { readonly action: string; readonly at: number } | undefined;
  readonly wakeLock: WakeLockState;
}

function age(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** For the person on the ladder (key `h`, or `?health` in the address): is this TV well, and since when. */
export function HealthOverlay({ subscriptions, startedAt, lastActivityAt, healLevel, lastHealAction, wakeLock }: HealthOverlayProps): ReactElement {
  const now = useNow(true);
  const connection = useConnection();
  const diagnostics = useDiagnostics();
  const heap = sampleHeap();
  const last = lastActivityAt();
  const heal = lastHealAction();
  const rows: [string, string, string][] = [
    ['connection', 'Connection', connection.state],
    ['last-notification', 'Last sign of life', last > 0 ? `${age(now - last)} ago` : 'none yet'],
    ['subscriptions', 'Statistics subscribed', String(subscriptions)],
    ['dropped', 'Dropped messages', String(diagnostics.dropped)],
    ['heap', 'JS heap', heap ? `${mb(heap.usedBytes)} of ${mb(heap.limitBytes)}` : 'not exposed by this browser'],
    ['uptime', 'Up for', age(now - startedAt)],
    ['self-healing', 'Self-healing', heal ? `step ${healLevel()} · ${heal.action} ${age(now - heal.at)} ago` : 'nothing needed'],
    ['wake-lock', 'Screen wake lock', wakeLock],
    ['version', 'App version', APP_VERSION],
  ];
  return (
    <aside
      data-testid="health-overlay"
      aria-label="Kiosk health"
      className="fixed bottom-[2vh] right-[1vw] z-30 rounded-lg border border-slate-600 bg-slate-900/95 p-[1.2vh] text-[1.8vh] text-slate-100 shadow-xl"
    >
      <dl className="grid grid-cols-[auto_auto] gap-x-[1vw] gap-y-[0.3vh]">
        {rows.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt className="text-slate-400">{label}</dt>
            <dd data-testid={`health-${id}`} className="tabular-nums">
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
