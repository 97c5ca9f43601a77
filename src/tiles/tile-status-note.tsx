import type { ReactElement } from 'react';
import { formatAge } from '../lib/format-value.ts';
import type { StatValue } from '../store/stat-value.ts';

/**
 * Why a value is not to be trusted, in words: how old a stale value is, or the server's reason for
 * an error. Nothing for a live value.
 */
export function TileStatusNote({ value, now, className = '' }: { readonly value: StatValue | undefined; readonly now: number; readonly className?: string }): ReactElement | null {
  const status = value?.status ?? 'loading';
  if (status === 'live') return null;
  if (status === 'loading') return <span className={`text-slate-400 ${className}`}>loading…</span>;
  if (status === 'error') {
    return (
      <span className={`text-red-200 ${className}`} title={value?.reason}>
        ✕ {value?.reason ?? 'error'}
      </span>
    );
  }
  const age = value && value.receivedAt > 0 ? ` · ${formatAge(now - value.receivedAt)}` : '';
  return (
    <span className={`text-slate-300 ${className}`} title={value?.reason}>
      stale{age}
    </span>
  );
}
