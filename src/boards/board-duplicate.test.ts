import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyBoardId, copyBoardTitle, duplicateBoard } from './board-duplicate.ts';
import { BOARD_ID_MAX_LENGTH, parseBoard } from './board-schema.ts';
import { testBoard } from './test-board.ts';


describe('copyBoardId', () => {
  it('should add -copy, then count on with -copy-2, -copy-3 while those are taken', () => {
    expect(copyBoardId('queues', ['queues'])).toEqual({ id: 'queues-copy', n: 1 });
    expect(copyBoardId('queues', ['queues', 'queues-copy'])).toEqual({ id: 'queues-copy-2', n: 2 });
    expect(copyBoardId('queues', ['queues', 'queues-copy', 'queues-copy-2'])).toEqual({ id: 'queues-copy-3', n: 3 });
  });

  it('should take the first free number, not one past the highest', () => {
    expect(copyBoardId('queues', ['queues', 'queues-copy-2'])).toEqual({ id: 'queues-copy', n: 1 });
  });

  it('should count a copy of a copy on from the original instead of growing -copy-copy', () => {
    expect(copyBoardId('queues-copy', ['queues', 'queues-copy'])).toEqual({ id: 'queues-copy-2', n: 2 });
    expect(copyBoardId('queues-copy-2', ['queues', 'queues-copy', 'queues-copy-2'])).toEqual({ id: 'queues-copy-3', n: 3 });
  });

  it('should cut a long id so the copy stays within the 64-character limit, without a dash before the suffix', () => {
    const long = `${'a'.repeat(58)}-bcdef`;
    expect(long).toHaveLength(BOARD_ID_MAX_LENGTH);
    const { id } = copyBoardId(long, [long]);
    expect(id).toBe(`${'a'.repeat(58)}-copy`);
    expect(id.length).toBeLessThanOrEqual(BOARD_ID_MAX_LENGTH);
    const dashed = `${'b'.repeat(58)}------`;
    expect(copyBoardId(dashed, [dashed]).id).toBe(`${'b'.repeat(58)}-copy`);
  });

  it('should always give a valid id that is not taken', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);
    fc.assert(
      fc.property(id, fc.array(id, { maxLength: 30 }), (original, others) => {
        const taken = [original, ...others];
        const copy = copyBoardId(original, taken).id;
        expect(taken).not.toContain(copy);
        expect(parseBoard({ version: 2, id: copy, title: 'x', tiles: [] }).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('copyBoardTitle', () => {
  it('should say (copy) on the first copy and the number on later ones', () => {
    expect(copyBoardTitle('Queues', 1)).toBe('Queues (copy)');
    expect(copyBoardTitle('Queues', 2)).toBe('Queues (copy 2)');
  });

  it('should replace the copy mark of a copy rather than stack another', () => {
    expect(copyBoardTitle('Queues (copy)', 2)).toBe('Queues (copy 2)');
    expect(copyBoardTitle('Queues (copy 2)', 3)).toBe('Queues (copy 3)');
  });

  it('should keep a title that is nothing but a copy mark', () => {
    expect(copyBoardTitle(' (copy)', 1)).toBe(' (copy) (copy)');
  });
});

describe('duplicateBoard', () => {
  it('should copy the tiles under a new id and title, sharing no object with the original', () => {
    const original = testBoard('queues', 'Queues');
    const copy = duplicateBoard(original, ['queues', 'agents', 'skills']);
    expect(copy).toEqual({ ...original, id: 'queues-copy', title: 'Queues (copy)' });
    expect(copy.tiles).not.toBe(original.tiles);
    expect(copy.tiles[0]).not.toBe(original.tiles[0]);
    expect(parseBoard(copy)).toEqual({ ok: true, board: copy });
  });

  it('should number the title as it numbers the id', () => {
    const copy = duplicateBoard(testBoard('queues', 'Queues'), ['queues', 'queues-copy']);
    expect([copy.id, copy.title]).toEqual(['queues-copy-2', 'Queues (copy 2)']);
  });
});
