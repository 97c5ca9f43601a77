import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, parseBoard, type Board, type BoardTile } from '../boards/board-schema.ts';
import { addTile, firstFreePlace, moveTile, overlaps, removeTile, renameBoard, replaceTile, resizeTile, setLayout, setSound } from './board-edits.ts';

const stat = (id: string, x: number, y: number, w = 3, h = 2): BoardTile => ({
  kind: 'stat',
  id,
  statistic: 'Current_In_Queue',
  object: { kind: 'queue', id: 'sales' },
  format: 'count',
  layout: { x, y, w, h },
});

const board = (tiles: BoardTile[]): Board => ({ version: 2, id: 'mine', title: 'Mine', tiles });

describe('board edits', () => {
  it('should move and resize a tile on the grid, and refuse to leave it or cover another tile', () => {
    const b = board([stat('a', 0, 0), stat('b', 3, 0)]);
    expect(moveTile(b, 'a', 0, 1).tiles[0]?.layout).toEqual({ x: 0, y: 1, w: 3, h: 2 });
    expect(moveTile(b, 'a', 1, 0)).toBe(b); // onto b
    expect(moveTile(b, 'a', -1, 0)).toBe(b); // off the left edge
    expect(moveTile(b, 'b', 7, 0)).toBe(b); // off the right edge
    expect(resizeTile(b, 'b', 6, 1).tiles[1]?.layout).toEqual({ x: 3, y: 0, w: 9, h: 3 });
    expect(resizeTile(b, 'a', -3, 0)).toBe(b); // no width left
    expect(setLayout(b, 'a', { x: 0, y: 0, w: 3, h: 2 })).toBe(b); // same place: no edit
  });

  it('should put a new tile where it asks when free, else at the first free place, with an id of its own', () => {
    const b = board([stat('a', 0, 0, 6, 2)]);
    const added = addTile(b, stat('a', 0, 0, 3, 1));
    expect(added.tiles[1]).toMatchObject({ id: 'a-2', layout: { x: 6, y: 0, w: 3, h: 1 } });
    expect(firstFreePlace(board([stat('full', 0, 0, 12, 2)]), { w: 4, h: 1 })).toEqual({ x: 0, y: 2, w: 4, h: 1 });
  });

  it('should remove a tile, keep a replaced tile in its place, and rename only to a real title', () => {
    const b = board([stat('a', 0, 0), stat('b', 3, 0)]);
    expect(removeTile(b, 'a').tiles.map((t) => t.id)).toEqual(['b']);
    expect(removeTile(b, 'nope')).toBe(b);
    const replaced = replaceTile(b, { ...stat('b', 9, 9), title: 'Sales waiting' });
    expect(replaced.tiles[1]).toMatchObject({ title: 'Sales waiting', layout: { x: 3, y: 0 } });
    expect(renameBoard(b, '   ')).toBe(b);
    expect(renameBoard(b, ' Floor ').title).toBe('Floor');
  });

  it('should keep every board valid and free of overlaps whatever the edits (property)', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('add' as const), x: fc.integer({ min: -2, max: 13 }), y: fc.integer({ min: -2, max: 8 }), w: fc.integer({ min: 1, max: 12 }), h: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ op: fc.constant('move' as const), i: fc.nat(), dx: fc.integer({ min: -3, max: 3 }), dy: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ op: fc.constant('resize' as const), i: fc.nat(), dw: fc.integer({ min: -3, max: 3 }), dh: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ op: fc.constant('remove' as const), i: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        let b = board([]);
        for (const e of edits) {
          const pick = (i: number): string => b.tiles[i % Math.max(1, b.tiles.length)]?.id ?? 'none';
          if (e.op === 'add') {
            const x = Math.min(Math.max(0, e.x), GRID_COLUMNS - 1);
            b = addTile(b, stat('t', x, Math.max(0, e.y), Math.min(e.w, GRID_COLUMNS - x), e.h));
          } else if (e.op === 'move') b = moveTile(b, pick(e.i), e.dx, e.dy);
          else if (e.op === 'resize') b = resizeTile(b, pick(e.i), e.dw, e.dh);
          else b = removeTile(b, pick(e.i));
        }
        expect(parseBoard(JSON.parse(JSON.stringify(b))).ok).toBe(true);
        b.tiles.forEach((t, i) => b.tiles.slice(i + 1).forEach((u) => expect(overlaps(t.layout, u.layout)).toBe(false)));
      }),
    );
  });
});

describe('setSound', () => {
  it('turns sound on and off, writing no field when off, and is no edit when nothing changes', () => {
    const board: Board = { version: 2, id: 'b', title: 'B', tiles: [] };
    const on = setSound(board, true);
    expect(on).toEqual({ ...board, sound: true });
    expect(setSound(on, true)).toBe(on);
    expect(setSound(on, false)).toEqual(board);
    expect('sound' in setSound(on, false)).toBe(false);
    expect(setSound(board, false)).toBe(board);
  });
});
