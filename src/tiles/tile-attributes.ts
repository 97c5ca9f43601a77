import type { StatPayload } from '../sources/stat-source.ts';
import type { StatStatus, StatValue } from '../store/stat-value.ts';
import type { Level } from './level-for.ts';

/** Exactly the attributes docs/architecture.md "What browser tests rely on" promises browser tests on every statistic tile's root. */
export interface TileAttributes {
  readonly 'data-testid': 'tile';
  readonly 'data-stat': string;
  readonly 'data-source': string;
  /** The wallboard's object kind (`queue`, `skill`, `agent-group`, `agent`). */
  readonly 'data-object-type': string;
  readonly 'data-object-id': string;
  readonly 'data-status': StatStatus;
  readonly 'data-value': string;
  readonly 'data-level': Level;
}

/** The server's value as it came: the raw number, the wallboard's agent state, or '' when there is none. */
export function rawValue(payload: StatPayload | undefined): string {
  if (payload === null || payload === undefined) return '';
  return typeof payload === 'number' ? String(payload) : payload.state;
}

export function tileAttributes(input: {
  readonly statistic: string;
  readonly source: string;
  readonly kind: string;
  readonly objectId: string;
  readonly value: StatValue | undefined;
  readonly level: Level;
}): TileAttributes {
  return {
    'data-testid': 'tile',
    'data-stat': input.statistic,
    'data-source': input.source,
    'data-object-type': input.kind,
    'data-object-id': input.objectId,
    'data-status': input.value?.status ?? 'loading',
    'data-value': rawValue(input.value?.value),
    'data-level': input.level,
  };
}
