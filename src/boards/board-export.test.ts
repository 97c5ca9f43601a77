/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardFileName, serializeBoard } from './board-export.ts';
import { parseBoard, parseBoardText, type Board } from './board-schema.ts';

const BOARDS_DIR = join(import.meta.dirname, '../../public/boards');
const SHIPPED = readdirSync(BOARDS_DIR)
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .map((file) => {
    const parsed = parseBoardText(readFileSync(join(BOARDS_DIR, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error.path}: ${parsed.error.message}`);
    return parsed.board;
  });

function valid(json: unknown): Board {
  const parsed = parseBoard(json);
  if (!parsed.ok) throw new Error(`${parsed.error.path}: ${parsed.error.message}`);
  return parsed.board;
}

describe('serializeBoard', () => {
  it.each(SHIPPED.map((board) => [board.id, board] as const))('should give back the shipped board %s through parseBoardText', (_id, board) => {
    expect(parseBoardText(serializeBoard(board))).toEqual({ ok: true, board });
  });

  it('should write the board file format, pretty-printed, version, id and title first, ending in a newline', () => {
    const board = valid({
      tiles: [{ id: 'sl', statistic: 'ServiceLevel', object: { kind: 'queue', id: 'sales' }, format: 'percent', layout: { x: 0, y: 0, w: 3, h: 2 } }],
      title: 'Mine',
      id: 'mine',
      version: 2,
    });
    const text = serializeBoard(board);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 4)).toEqual(['{', '  "version": 2,', '  "id": "mine",', '  "title": "Mine",']);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['version', 'id', 'title', 'tiles']);
  });

  it('should keep text that looks like markup as it is', () => {
    const board = valid({ version: 2, id: 'odd', title: '<img src=x> "quoted" \u2028 ü', tiles: [] });
    expect(parseBoardText(serializeBoard(board))).toEqual({ ok: true, board });
  });
});

describe('boardFileName', () => {
  it('should name the file after the board id', () => {
    expect(boardFileName({ id: 'queues-copy' })).toBe('queues-copy.json');
  });
});
