/**
 * What a tile needs from a source (ARCHITECTURE.md "StatSpec"): a statistic of one object. Two
 * tiles that need the same value produce the same key and share one subscription.
 */
export type StatDefinitionSpec = Readonly<Record<string, string | number | boolean>>;

export interface StatSpec {
  /** Which source adapter serves it; `genesys-v3` for now. */
  readonly source: string;
  /** Object type on the wire (API-CONTRACT §2.2): `Queue`, `GroupAgents`, `Agent`. */
  readonly objectType: string;
  readonly objectId: string;
  /** A pre-configured statistic name (`ServiceLevel`) or an inline definition. */
  readonly statistic: string | StatDefinitionSpec;
}

function canonical(definition: StatDefinitionSpec): string {
  return JSON.stringify(Object.fromEntries(Object.entries(definition).sort(([a], [b]) => a.localeCompare(b))));
}

/** A stable string for a spec: equal specs, equal keys, whatever the property order of a definition. */
export function statKey(spec: StatSpec): string {
  const statistic = typeof spec.statistic === 'string' ? spec.statistic : `def:${canonical(spec.statistic)}`;
  return `${spec.source}|${spec.objectType}|${spec.objectId}|${statistic}`;
}

/** The statistic's name for display and `data-stat`; inline definitions report their category. */
export function statName(spec: StatSpec): string {
  return typeof spec.statistic === 'string' ? spec.statistic : String(spec.statistic.category ?? 'Custom');
}
