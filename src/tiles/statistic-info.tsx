import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { SourceCatalog } from '../sources/source-definition.ts';
import { wallboardStatistic } from '../vocabulary/statistics.ts';

/** What a tile needs to know of the statistic it shows, whichever source supplies it. */
export interface StatisticInfo {
  /** What a person reads ("Service level"); board files name statistics for machines. */
  readonly label: string;
  /** A clock running since something began: between values it grows by the time passed, so a TV never shows a frozen clock. */
  readonly ticking: boolean;
}

/** Each source's catalog, by source id, as far as it is loaded. */
export type LoadedCatalogs = ReadonlyMap<string, SourceCatalog>;

const CatalogsContext = createContext<LoadedCatalogs>(new Map());

export function StatisticInfoProvider({ catalogs, children }: { readonly catalogs: LoadedCatalogs; readonly children: ReactNode }): ReactElement {
  return <CatalogsContext.Provider value={catalogs}>{children}</CatalogsContext.Provider>;
}

/** Each catalog's statistics by id, made once per catalog: tiles look theirs up on every render. */
const byId = new WeakMap<SourceCatalog, ReadonlyMap<string, SourceCatalog['statistics'][number]>>();
function indexed(catalog: SourceCatalog): ReadonlyMap<string, SourceCatalog['statistics'][number]> {
  let index = byId.get(catalog);
  if (!index) {
    index = new Map(catalog.statistics.map((s) => [s.id, s]));
    byId.set(catalog, index);
  }
  return index;
}

/** The source's own description first, then the wallboard's, then the id as it is. */
export function statisticInfo(catalogs: LoadedCatalogs, source: string, statistic: string): StatisticInfo {
  const catalog = catalogs.get(source);
  const own = catalog ? indexed(catalog).get(statistic) : undefined;
  const wallboard = wallboardStatistic(statistic);
  return { label: own?.label ?? wallboard?.label ?? statistic, ticking: own?.ticking ?? wallboard?.ticking ?? false };
}

/** Every loaded catalog, for a component that describes several statistics (a table's columns). */
export function useStatisticCatalogs(): LoadedCatalogs {
  return useContext(CatalogsContext);
}

export function useStatisticInfo(source: string, statistic: string): StatisticInfo {
  return statisticInfo(useContext(CatalogsContext), source, statistic);
}
