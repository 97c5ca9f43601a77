import { describe, expect, it } from 'vitest';
import { statKey } from '../sources/stat-spec.ts';
import { parseBoard, type Board } from './board-schema.ts';
import { boardSpecs } from './board-specs.ts';
import { statSpecFor } from './stat-spec-for.ts';

function mustParse(json: unknown): Board {
  const result = parseBoard(json);
  if (!result.ok) throw new Error(`${result.error.path}: ${result.error.message}`);
  return result.board;
}

const layout = (y: number): { x: number; y: number; w: number; h: number } => ({ x: 0, y, w: 6, h: 2 });
const vip = { type: 'Queue', id: 'vip' };

describe('statSpecFor', () => {
  it('should ask for a pre-configured statistic by name when the cell has no target', () => {
    expect(statSpecFor('Queue', 'vip', 'ServiceLevel')).toEqual({ source: 'genesys-v3', objectType: 'Queue', objectId: 'vip', statistic: 'ServiceLevel' });
  });

  it('should ask for a service level with a target as the catalog definition with that answer time, inline', () => {
    const spec = statSpecFor('Queue', 'vip', 'ServiceLevel', 20);
    expect(spec).toMatchObject({ source: 'genesys-v3', objectType: 'Queue', objectId: 'vip' });
    expect(spec.statistic).toMatchObject({ category: 'ServiceFactor1', timeRangeLeft: 0, timeRangeRight: 20, timeRangeRight2: 10 });
    expect(statKey(spec)).not.toBe(statKey(statSpecFor('Queue', 'vip', 'ServiceLevel')));
    expect(statKey(spec)).not.toBe(statKey(statSpecFor('Queue', 'vip', 'ServiceLevel', 60)));
    expect(statKey(spec)).toBe(statKey(statSpecFor('Queue', 'vip', 'ServiceLevel', 20)));
  });

  it('should give the subscribing side (board specs) and the reading side (tiles) the same keys, and share a target between tiles', () => {
    const board = mustParse({
      version: 1,
      id: 'targets',
      title: 'Targets',
      tiles: [
        { id: 'default', statistic: 'ServiceLevel', object: vip, format: 'percent', layout: layout(0) },
        { id: 'vip-20', statistic: 'ServiceLevel', object: vip, format: 'percent', layout: layout(2), serviceLevelSeconds: 20 },
        { id: 'trend-20', kind: 'trend', statistic: 'ServiceLevel', object: vip, format: 'percent', layout: layout(4), serviceLevelSeconds: 20 },
        {
          id: 'table',
          kind: 'table',
          object: vip,
          columns: [{ statistic: 'ServiceLevel', format: 'percent', serviceLevelSeconds: 60 }],
          layout: layout(6),
        },
      ],
    });
    const keys = boardSpecs(board, new Map()).map(statKey);
    expect(keys).toEqual([
      statKey(statSpecFor('Queue', 'vip', 'ServiceLevel')),
      statKey(statSpecFor('Queue', 'vip', 'ServiceLevel', 20)),
      statKey(statSpecFor('Queue', 'vip', 'ServiceLevel', 60)),
    ]);
  });
});
