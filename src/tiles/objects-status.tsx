import type { ReactElement } from 'react';
import type { ResolvedObjects } from '../boards/board-objects.ts';

/** Said in place of a `*` tile's contents while its catalog is loading, failed, or empty. */
export function ObjectsStatus({ resolved, noun }: { readonly resolved: ResolvedObjects; readonly noun: string }): ReactElement | null {
  if (resolved.status === 'loading') return <p className="p-2 text-slate-400">Loading {noun}…</p>;
  if (resolved.status === 'error') return <p className="p-2 text-red-200">✕ Could not list {noun}: {resolved.error}</p>;
  if (resolved.objects.length === 0) return <p className="p-2 text-slate-400">No {noun}.</p>;
  return null;
}
