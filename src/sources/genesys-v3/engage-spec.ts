/** An inline Stat Server definition (docs/vendors/genesys-engage.md "Statistics API v3 › Subscriptions"). */
export type EngageDefinition = Readonly<Record<string, string | number | boolean>>;

/**
 * A statistic as the Statistics API v3 is asked for it: a wire object type (`Queue`, `GroupAgents`,
 * `Agent`), and a pre-configured name or an inline definition. `key` is the wallboard's key of the
 * spec it stands for, so values reach the tiles that asked.
 */
export interface EngageSpec {
  readonly key: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly statistic: string | EngageDefinition;
}
