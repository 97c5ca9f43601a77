import { useMemo } from 'react';
import { statisticsForListing, type StatisticCatalog } from '../statistics/statistic-catalog.ts';
import { useStatisticCatalog } from '../statistics/statistic-catalog-query.ts';
import { describeStatistic } from '../statistics/describe-statistic.ts';
import { defaultFormat } from '../statistics/statistic-format.ts';
import { defaultThresholds } from '../statistics/default-thresholds.ts';
import { statisticLabel } from '../tiles/statistic-labels.ts';
import type { StatisticChoice, StatisticChoices } from './statistic-choice.ts';
import type { ObjectSource } from './tile-draft.ts';

/** Every source's choices from a catalog, computed once per catalog and target. */
export function choicesFrom(catalog: StatisticCatalog, serviceLevelTargetPercent: number): (source: ObjectSource) => readonly StatisticChoice[] {
  const cache = new Map<ObjectSource, readonly StatisticChoice[]>();
  return (source) => {
    let choices = cache.get(source);
    if (!choices) {
      choices = statisticsForListing(catalog, source)
        .map((entry) => ({
          name: entry.name,
          label: statisticLabel(entry.name),
          meaning: describeStatistic(entry),
          objectType: entry.objectType,
          format: defaultFormat(entry),
          thresholds: defaultThresholds(entry, { serviceLevelTargetPercent }),
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
      cache.set(source, choices);
    }
    return choices;
  };
}

const NONE = (): readonly StatisticChoice[] => [];

/** The statistics the editor offers, from the deployment's catalog (public/statistics.json). */
export function useStatisticChoices(serviceLevelTargetPercent: number): StatisticChoices {
  const catalog = useStatisticCatalog();
  const { data } = catalog;
  const forSource = useMemo(() => (data ? choicesFrom(data, serviceLevelTargetPercent) : NONE), [data, serviceLevelTargetPercent]);
  if (data) return { status: 'ready', forSource };
  if (catalog.isError) return { status: 'error', error: catalog.error.message, forSource };
  return { status: 'loading', forSource };
}
