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
const vip = { kind: 'queue', id: 'vip' };

describe('statSpecFor', () => {
  it('should ask a source for a statistic of an object in the wallboard\'s words', () => {
    expect(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel')).toEqual({ source: 'genesys-v3', kind: 'queue', objectId: 'vip', statistic: 'ServiceLevel' });
  });

  it('should carry an answer-time target, which makes it another value than the plain service level', () => {
    const spec = statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel', 20);
    expect(spec).toEqual({ source: 'genesys-v3', kind: 'queue', objectId: 'vip', statistic: 'ServiceLevel', serviceLevelSeconds: 20 });
    expect(statKey(spec)).not.toBe(statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel')));
    expect(statKey(spec)).not.toBe(statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel', 60)));
    expect(statKey(spec)).toBe(statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel', 20)));
    expect(statKey(spec)).not.toBe(statKey(statSpecFor('cloud', 'queue', 'vip', 'ServiceLevel', 20)));
  });

  it('should give the subscribing side (board specs) and the reading side (tiles) the same keys, and share a target between tiles', () => {
    const board = mustParse({
      version: 2,
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
    const keys = boardSpecs(board, new Map(), { defaultSource: 'genesys-v3' }).map(statKey);
    expect(keys).toEqual([
      statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel')),
      statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel', 20)),
      statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel', 60)),
    ]);
  });
});
