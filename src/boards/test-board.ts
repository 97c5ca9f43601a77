import { parseBoard, type Board } from './board-schema.ts';

/** A valid one-tile board for tests, parsed as any board is (defaults filled in). */
export function testBoard(id: string, title = id): Board {
  const parsed = parseBoard({
    version: 2,
    id,
    title,
    tiles: [{ id: 'sl', statistic: 'ServiceLevel', object: { kind: 'queue', id: 'sales' }, format: 'percent', layout: { x: 0, y: 0, w: 3, h: 2 } }],
  });
  if (!parsed.ok) throw new Error(`test board ${id}: ${parsed.error.path}: ${parsed.error.message}`);
  return parsed.board;
}
