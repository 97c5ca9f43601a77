import { useState, type ReactElement } from 'react';
import type { Sources } from '../boards/sources-context.tsx';
import type { StatSpec } from '../sources/stat-spec.ts';
import type { StatStore } from '../store/create-stat-store.ts';
import type { LoadedCatalogs } from '../tiles/statistic-info.tsx';
import { LiveSources, useLiveStore, useSourceCatalogs, type LiveControls, type LiveSourceControl } from './live-sources.tsx';

export interface Live {
  readonly stat: StatStore;
  /** Each running source's self-healing handles, by source id. */
  readonly controls: LiveControls;
  readonly catalogs: LoadedCatalogs;
  /** Render it once: the running sources (they draw nothing). */
  readonly runners: ReactElement;
}

/**
 * One store and one running source per configured source of a signed-in session (docs/architecture.md
 * "Data flow": sources → store → tiles). The app is the only place that wires sources to the store.
 */
export function useLive(sources: Sources, specs: readonly StatSpec[]): Live {
  const stat = useLiveStore(sources.defaultSource);
  const [controls] = useState(() => new Map<string, LiveSourceControl>());
  const { loaded, failed } = useSourceCatalogs(sources);
  const runners = <LiveSources sources={sources} catalogs={loaded} failedCatalogs={failed} stat={stat} specs={specs} controls={controls} />;
  return { stat, controls, catalogs: loaded, runners };
}
