import { useMemo } from 'react';
import { useSourceCatalog } from '../boards/source-catalog-query.ts';
import { useSources } from '../boards/sources-context.tsx';
import type { SourceCatalog } from '../sources/source-definition.ts';
import { OBJECT_KINDS, type ObjectKind } from '../vocabulary/object-kinds.ts';
import { defaultThresholds } from '../vocabulary/default-thresholds.ts';
import { wallboardStatistics } from '../vocabulary/statistics.ts';
import type { MissingStatistic, StatisticChoice, StatisticChoices } from './statistic-choice.ts';

/** Every kind's choices from a source's catalog, computed once per catalog and target. */
export function choicesFrom(catalog: SourceCatalog, serviceLevelTargetPercent: number): (kind: ObjectKind) => readonly StatisticChoice[] {
  const cache = new Map<ObjectKind, readonly StatisticChoice[]>();
  return (kind) => {
    let choices = cache.get(kind);
    if (!choices) {
      choices = catalog.statistics
        .filter((statistic) => statistic.kinds.includes(kind))
        .map((statistic) => ({
          name: statistic.id,
          label: statistic.label,
          meaning: statistic.meaning,
          format: statistic.format === 'agent-state' ? undefined : statistic.format,
          thresholds: defaultThresholds(statistic.thresholdRule, { serviceLevelTargetPercent }),
          answerTimeTarget: statistic.answerTimeTarget === true,
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
      cache.set(kind, choices);
    }
    return choices;
  };
}

/** The wallboard's statistics of a kind that the catalog does not offer for it. */
export function missingFrom(catalog: SourceCatalog): (kind: ObjectKind) => readonly MissingStatistic[] {
  return (kind) =>
    wallboardStatistics()
      .filter((statistic) => statistic.kinds.includes(kind) && !catalog.statistics.some((s) => s.id === statistic.id && s.kinds.includes(kind)))
      .map(({ id, label }) => ({ name: id, label }));
}

const NONE = (): readonly never[] => [];

/** The statistics the editor offers for a source (empty: the default source), from its own catalog. */
export function useStatisticChoices(sourceId: string, serviceLevelTargetPercent: number): StatisticChoices {
  const sources = useSources();
  const id = sourceId || sources.defaultSource;
  const catalog = useSourceCatalog(id);
  const { data } = catalog;
  const sourceLabel = sources.byId.get(id)?.definition.label ?? id;
  const forKind = useMemo(() => (data ? choicesFrom(data, serviceLevelTargetPercent) : NONE), [data, serviceLevelTargetPercent]);
  const missingForKind = useMemo(() => (data ? missingFrom(data) : NONE), [data]);
  const common = { sourceLabel, forKind, missingForKind, objectKinds: data?.objectKinds ?? OBJECT_KINDS };
  if (data) return { status: 'ready', ...common };
  if (catalog.isError) return { status: 'error', error: catalog.error.message, ...common };
  return { status: 'loading', ...common };
}
