import { BOARD_VERSION, GRID_COLUMNS, type Board } from '../../src/boards/board-schema.ts';
import type { ObjectKind } from '../../src/vocabulary/object-kinds.ts';

/** One (statistic, object) the mock can serve: one store key, one subscribed statistic. */
export interface StatObjectPair {
  readonly statistic: string;
  /** The wallboard's kind, as the page's `data-object-type` says it. */
  readonly objectType: ObjectKind;
  readonly objectId: string;
}

/** What the pairs are made of: the mock's statistics.yaml entries and its contact center's ids. */
export interface PairSources {
  readonly entries: ReadonlyArray<{ readonly name: string; readonly objectType: string; readonly definition: { readonly category: string } }>;
  readonly queues: ReadonlyArray<{ readonly id: string }>;
  readonly skills: ReadonlyArray<{ readonly id: string }>;
  readonly groups: ReadonlyArray<{ readonly id: string }>;
  readonly agents: ReadonlyArray<{ readonly id: string }>;
}

/**
 * Agent-state statistics carry a state name, not a number: the firehose's `intValue` would be
 * refused by the app as a malformed value (a tile in error), so they cannot take part.
 */
const STATE_CATEGORIES = new Set(['currentstate', 'currenttargetstate']);

/**
 * Every distinct (statistic, board object) pair the mock serves with a number, in catalog order.
 * A statistics.yaml entry names a Stat Server object type; on the v3 wire (and in a board) `QUEUE`
 * and `SKILL_Q` are both `Queue` and a real queue wins when a skill has the same id, so a skill's
 * virtual queue is reachable only under an id no queue has. `SKILL_AG` is `GroupAgents`: skills
 * and team groups alike.
 */
export function distinctStatPairs(sources: PairSources): StatObjectPair[] {
  const queueIds = sources.queues.map((q) => q.id);
  const queueIdSet = new Set(queueIds);
  const objectsOf = (catalogType: string): readonly { readonly kind: ObjectKind; readonly ids: readonly string[] }[] => {
    switch (catalogType) {
      case 'QUEUE':
        return [{ kind: 'queue', ids: queueIds }];
      case 'SKILL_Q':
        return [{ kind: 'skill', ids: sources.skills.map((s) => s.id).filter((id) => !queueIdSet.has(id)) }];
      case 'SKILL_AG':
        return [
          { kind: 'skill', ids: sources.skills.map((s) => s.id) },
          { kind: 'agent-group', ids: sources.groups.map((g) => g.id) },
        ];
      case 'AGENT':
        return [{ kind: 'agent', ids: sources.agents.map((a) => a.id) }];
      default:
        return [];
    }
  };
  const pairs: StatObjectPair[] = [];
  const seen = new Set<string>();
  for (const entry of sources.entries) {
    if (STATE_CATEGORIES.has(entry.definition.category.toLowerCase())) continue;
    for (const objects of objectsOf(entry.objectType)) {
      for (const objectId of objects.ids) {
        const key = `${entry.name}|${objects.kind}|${objectId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ statistic: entry.name, objectType: objects.kind, objectId });
      }
    }
  }
  return pairs;
}

/**
 * The smallest floor (at least the demo's `minimum` agents) whose pairs number `tiles` or more, so
 * every tile shows a statistic of its own, as on a real board; `maximum` when even that is short.
 * `centerWith(agents)` builds the center for a count (the mock's `createDefaultContactCenter`).
 */
export function agentsForDistinctTiles(
  tiles: number,
  entries: PairSources['entries'],
  centerWith: (agents: number) => Omit<PairSources, 'entries'>,
  range: { readonly minimum: number; readonly maximum: number },
): number {
  for (let agents = range.minimum; agents < range.maximum; agents++) {
    if (distinctStatPairs({ entries, ...centerWith(agents) }).length >= tiles) return agents;
  }
  return range.maximum;
}

/** The store's key for a pair, as the page's tile attributes spell it (`data-stat|data-object-type|data-object-id`). */
export function pairKey(pair: StatObjectPair): string {
  return `${pair.statistic}|${pair.objectType}|${pair.objectId}`;
}

/**
 * A board of `tiles` stat tiles of one grid cell each, row by row on the 12 columns, cycling over
 * the pairs: with fewer pairs than tiles, tiles share pairs (and so a store key and a subscribed
 * statistic) as evenly as the count allows.
 */
export function firehoseBoard(id: string, pairs: readonly StatObjectPair[], tiles: number): Board {
  if (pairs.length === 0) throw new Error('no statistic to put on the board');
  return {
    version: BOARD_VERSION,
    id,
    title: `Firehose ${tiles}`,
    tiles: Array.from({ length: tiles }, (_, index) => {
      const pair = pairs[index % pairs.length] as StatObjectPair;
      return {
        kind: 'stat' as const,
        id: `t${index}`,
        title: `${index}`,
        statistic: pair.statistic,
        object: { kind: pair.objectType, id: pair.objectId },
        format: 'count' as const,
        layout: { x: index % GRID_COLUMNS, y: Math.floor(index / GRID_COLUMNS), w: 1, h: 1 },
      };
    }),
  };
}
