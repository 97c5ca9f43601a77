import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { sourceCatalogQueryOptions } from '../boards/source-catalog-query.ts';
import type { SourceEntry, Sources } from '../boards/sources-context.tsx';
import type { Freshness, SourceCatalog } from '../sources/source-definition.ts';
import type { StatSource } from '../sources/stat-source.ts';
import type { StatSpec } from '../sources/stat-spec.ts';
import { statKey } from '../sources/stat-spec.ts';
import { createStatStore, FRAME_BUDGET, type StatStore, type StatStoreDeps } from '../store/create-stat-store.ts';

/** How often live values are checked against their period (a value older than two periods goes stale). */
const FRESHNESS_CHECK_MS = 1000;

/** What self-healing may do to one source, without knowing which vendor it is. */
export interface LiveSourceControl {
  readonly sourceId: string;
  /** How fresh the source promises to be: the watchdog's measure of silence. */
  readonly freshness: Freshness;
  /** A new connection, every subscription re-created (StatSource.reconnect). */
  reconnect(reason: string): void;
  /** The whole source thrown away and made anew: the next step when a reconnect did not help. */
  restart(): void;
  /** Epoch ms of the last sign of life from the server; 0 before any. */
  lastActivityAt(): number;
}

/** The running sources' controls, by source id; entries come and go as sources start and stop. */
export type LiveControls = ReadonlyMap<string, LiveSourceControl>;

function catalogData(results: readonly UseQueryResult<SourceCatalog>[]): readonly { readonly data: SourceCatalog | undefined; readonly error: string | undefined }[] {
  return results.map((result) => ({ data: result.data, error: result.isError ? result.error.message : undefined }));
}

/** Each signed-in source's catalog, by source id, as far as it is loaded, and why one could not be. */
export function useSourceCatalogs(sources: Sources): { readonly loaded: ReadonlyMap<string, SourceCatalog>; readonly failed: ReadonlyMap<string, string> } {
  const entries = useMemo(() => [...sources.byId.values()], [sources]);
  const results = useQueries({ queries: entries.map((entry) => sourceCatalogQueryOptions(entry, entry.id)), combine: catalogData });
  return useMemo(() => {
    const loaded = new Map<string, SourceCatalog>();
    const failed = new Map<string, string>();
    entries.forEach((entry, index) => {
      const result = results[index];
      if (result?.data) loaded.set(entry.id, result.data);
      else if (result?.error) failed.set(entry.id, result.error);
    });
    return { loaded, failed };
  }, [entries, results]);
}

const BROWSER_STORE_DEPS: Omit<StatStoreDeps, 'defaultSource'> = {
  now: () => Date.now(),
  requestFrame: (flush) => {
    requestAnimationFrame(flush);
  },
  frameBudget: FRAME_BUDGET,
};

/** One store for every source of a signed-in session (docs/architecture.md "Data flow": sources → store → tiles). */
export function useLiveStore(defaultSource: string): StatStore {
  const [stat] = useState(() => createStatStore({ ...BROWSER_STORE_DEPS, defaultSource }));
  useEffect(() => {
    const freshness = setInterval(() => stat.checkFreshness(), FRESHNESS_CHECK_MS);
    return () => clearInterval(freshness);
  }, [stat]);
  return stat;
}

interface RunnerProps {
  readonly entry: SourceEntry;
  readonly catalog: SourceCatalog;
  readonly stat: StatStore;
  readonly specs: readonly StatSpec[];
  readonly controls: Map<string, LiveSourceControl>;
}

/** One running source: made when its session and catalog are there, watching the specs that name it. */
function SourceRunner({ entry, catalog, stat, specs, controls }: RunnerProps): null {
  const { context, definition, id } = entry;
  const [generation, setGeneration] = useState(0);
  const source = useRef<StatSource | undefined>(undefined);
  const own = useMemo(() => specs.filter((spec) => spec.source === id), [specs, id]);
  const latest = useRef(own);

  // Declared first so that on mount it runs before the source exists, and later follows the board.
  useEffect(() => {
    latest.current = own;
    source.current?.watch(own);
  }, [own]);

  useEffect(() => {
    if (!context) return undefined;
    const created = definition.createSource(context, catalog, stat.sinkFor(id));
    created.start();
    created.watch(latest.current);
    source.current = created;
    controls.set(id, {
      sourceId: id,
      freshness: definition.freshness,
      reconnect: (reason) => created.reconnect(reason),
      restart: () => setGeneration((g) => g + 1),
      lastActivityAt: () => created.lastActivityAt(),
    });
    return () => {
      controls.delete(id);
      source.current = undefined;
      void created.stop();
    };
    // `generation` is here only to make a new source on restart().
  }, [context, definition, catalog, stat, id, controls, generation]);
  return null;
}

export interface LiveSourcesProps {
  readonly sources: Sources;
  readonly catalogs: ReadonlyMap<string, SourceCatalog>;
  /** Why a source's catalog could not be loaded, by source id. */
  readonly failedCatalogs: ReadonlyMap<string, string>;
  readonly stat: StatStore;
  readonly specs: readonly StatSpec[];
  readonly controls: Map<string, LiveSourceControl>;
}

/**
 * Every configured source feeding the one store: a source runs once its person is signed in and its
 * catalog is known. Until then, and for tiles naming a source nobody configured, the store says why
 * instead of showing a number.
 */
export function LiveSources({ sources, catalogs, failedCatalogs, stat, specs, controls }: LiveSourcesProps): ReactElement {
  useEffect(() => {
    for (const entry of sources.byId.values()) {
      const sink = stat.sinkFor(entry.id);
      const failed = failedCatalogs.get(entry.id);
      if (!entry.context) sink.connection('unauthorized', `not signed in to ${entry.definition.label}`);
      else if (failed !== undefined) sink.connection('unavailable', failed);
    }
  }, [sources, failedCatalogs, stat]);

  useEffect(() => {
    const orphans = specs.filter((spec) => !sources.byId.has(spec.source));
    if (orphans.length === 0) return;
    const bySource = new Map<string, StatSpec[]>();
    for (const spec of orphans) bySource.set(spec.source, [...(bySource.get(spec.source) ?? []), spec]);
    for (const [source, list] of bySource) {
      stat.sinkFor(source).statuses(list.map((spec) => ({ key: statKey(spec), status: 'error', reason: `no source "${source}" is configured` })));
    }
  }, [specs, sources, stat]);

  return (
    <>
      {[...sources.byId.values()].map((entry) => {
        const catalog = catalogs.get(entry.id);
        return catalog && entry.context ? <SourceRunner key={entry.id} entry={entry} catalog={catalog} stat={stat} specs={specs} controls={controls} /> : null;
      })}
    </>
  );
}
