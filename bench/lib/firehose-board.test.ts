import { describe, expect, it } from 'vitest';
import { createDefaultContactCenter } from '../../mock-server/sim/default-contact-center.ts';
import { loadStatisticsCatalog } from '../../mock-server/stats/statistics-catalog.ts';
import { parseBoard } from '../../src/boards/board-schema.ts';
import { agentsForDistinctTiles, distinctStatPairs, firehoseBoard, pairKey, type PairSources } from './firehose-board.ts';

const entry = (name: string, objectType: string, category = 'TotalNumber'): PairSources['entries'][number] => ({ name, objectType, definition: { category } });

const small: PairSources = {
  entries: [
    entry('CurrentAgentState', 'AGENT', 'CurrentState'),
    entry('Total_Answered', 'QUEUE'),
    entry('Total_Answered', 'SKILL_Q'),
    entry('LongestIdleTime', 'SKILL_AG', 'CurrentMaxTime'),
    entry('InboundCalls', 'AGENT'),
  ],
  queues: [{ id: 'sales' }, { id: 'vip' }],
  skills: [{ id: 'sales' }, { id: 'tech' }],
  groups: [{ id: 'team-north' }],
  agents: [{ id: 'agent-01' }],
};

describe('distinctStatPairs', () => {
  it('should pair every numeric statistic with every object of its type, in catalog order', () => {
    expect(distinctStatPairs(small).map(pairKey)).toEqual([
      'Total_Answered|queue|sales',
      'Total_Answered|queue|vip',
      'Total_Answered|skill|tech',
      'LongestIdleTime|skill|sales',
      'LongestIdleTime|skill|tech',
      'LongestIdleTime|agent-group|team-north',
      'InboundCalls|agent|agent-01',
    ]);
  });

  it('should leave out agent-state statistics, whose values are state names and not the firehose numbers', () => {
    expect(distinctStatPairs(small).some((p) => p.statistic === 'CurrentAgentState')).toBe(false);
  });

  it('should reach a skill virtual queue only under an id no real queue has (a queue wins on the wire)', () => {
    const queueIds = distinctStatPairs(small)
      .filter((p) => p.statistic === 'Total_Answered')
      .map((p) => p.objectId);
    expect(queueIds).toEqual(['sales', 'vip', 'tech']);
  });

  it('should find 536 pairs in the mock as shipped (fewer than 1,000: tiles share them)', () => {
    const pairs = distinctStatPairs({ entries: loadStatisticsCatalog().entries, ...createDefaultContactCenter() });
    expect(pairs).toHaveLength(536);
    expect(new Set(pairs.map(pairKey)).size).toBe(536);
  });
});

describe('firehoseBoard', () => {
  const pairs = distinctStatPairs(small);

  it('should make a board the app accepts, one grid cell per tile, 12 to a row', () => {
    const board = firehoseBoard('bench-firehose', pairs, 30);
    const parsed = parseBoard(board);
    expect(parsed.ok).toBe(true);
    expect(board.tiles).toHaveLength(30);
    expect(board.tiles[13]?.layout).toEqual({ x: 1, y: 1, w: 1, h: 1 });
    expect(Math.max(...board.tiles.map((t) => t.layout.y))).toBe(2);
  });

  it('should cycle over the pairs so tiles share them as evenly as the count allows', () => {
    const board = firehoseBoard('b', pairs, 15);
    const uses = new Map<string, number>();
    for (const tile of board.tiles) {
      if (tile.kind !== 'stat') throw new Error('only stat tiles expected');
      const key = `${tile.statistic}|${tile.object.kind}|${tile.object.id}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    expect(uses.size).toBe(7);
    expect([...uses.values()].sort()).toEqual([2, 2, 2, 2, 2, 2, 3]);
  });

  it('should refuse to build a board with no statistic', () => {
    expect(() => firehoseBoard('b', [], 10)).toThrow(/no statistic/);
  });
});

describe('agentsForDistinctTiles', () => {
  const { entries } = loadStatisticsCatalog();
  const centerWith = (agents: number): ReturnType<typeof createDefaultContactCenter> => createDefaultContactCenter({ agents });

  it('should find the smallest floor that gives every tile a statistic of its own', () => {
    const agents = agentsForDistinctTiles(1000, entries, centerWith, { minimum: 40, maximum: 1600 });
    expect(distinctStatPairs({ entries, ...centerWith(agents) }).length).toBeGreaterThanOrEqual(1000);
    expect(distinctStatPairs({ entries, ...centerWith(agents - 1) }).length).toBeLessThan(1000);
  });

  it('should keep the demo floor when it is already big enough', () => {
    expect(agentsForDistinctTiles(100, entries, centerWith, { minimum: 40, maximum: 1600 })).toBe(40);
  });
});
