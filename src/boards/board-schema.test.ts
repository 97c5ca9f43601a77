/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard, parseBoardText, type Board } from './board-schema.ts';

const BOARDS_DIR = join(import.meta.dirname, '../../public/boards');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(BOARDS_DIR, file), 'utf8'));

function shippedBoards(): { readonly file: string; readonly json: unknown }[] {
  const index = readJson('index.json') as { file: string }[];
  return index.map(({ file }) => ({ file, json: readJson(file) }));
}

/** The example of CONTRACTS.md with one tile changed; `undefined` removes a key, as JSON would not have it. */
const minimal = (tile: Record<string, unknown>): unknown => JSON.parse(JSON.stringify({
  version: 1,
  id: 'ops-floor',
  title: 'Ops floor',
  tiles: [
    {
      id: 'sl-sales',
      title: 'Sales service level',
      statistic: 'ServiceLevel',
      object: { type: 'Queue', id: 'sales' },
      format: 'percent',
      layout: { x: 0, y: 0, w: 3, h: 2 },
      thresholds: [{ when: 'below', value: 80, level: 'critical' }],
      ...tile,
    },
  ],
}));

function mustParse(json: unknown): Board {
  const result = parseBoard(json);
  if (!result.ok) throw new Error(`${result.error.path}: ${result.error.message}`);
  return result.board;
}

describe('board schema', () => {
  it('should parse every shipped board listed in public/boards/index.json', () => {
    const boards = shippedBoards();
    expect(boards.map((b) => b.file)).toEqual(['queues.json', 'skills.json', 'agents.json']);
    for (const { file, json } of boards) {
      const result = parseBoard(json);
      expect(result, file).toMatchObject({ ok: true });
    }
  });

  it('should tie no shipped board to the mock: every object is "*"', () => {
    for (const { json } of shippedBoards()) {
      for (const tile of mustParse(json).tiles) expect(tile.object.id).toBe('*');
    }
  });

  it('should put the three statistics the product is known for at the top of the first board', () => {
    const queues = mustParse(readJson('queues.json'));
    const top = queues.tiles.filter((t) => t.layout.y === 0);
    expect(top.map((t) => ('statistic' in t ? t.statistic : ''))).toEqual(['ServiceLevel', 'Current_In_Queue', 'LongestIdleTime']);
  });

  it('should accept the example of CONTRACTS.md and default a tile to kind "stat"', () => {
    const board = mustParse(minimal({}));
    expect(board.tiles[0]).toMatchObject({ kind: 'stat', statistic: 'ServiceLevel' });
  });

  it('should default a trend to 30 minutes and an agent grid to CurrentAgentState', () => {
    const trend = mustParse(minimal({ kind: 'trend', thresholds: undefined }));
    expect(trend.tiles[0]).toMatchObject({ kind: 'trend', minutes: 30 });
    const grid = mustParse(minimal({ kind: 'agent-grid', object: { type: 'Agent', id: '*' }, format: undefined, thresholds: undefined, statistic: undefined }));
    expect(grid.tiles[0]).toMatchObject({ kind: 'agent-grid', statistic: 'CurrentAgentState' });
  });

  it('should name the bad field of a refused board', () => {
    const cases: [unknown, string][] = [
      [minimal({ thresholds: [{ when: 'below', value: 80, level: 'red' }] }), 'tiles[0].thresholds[0].level'],
      [minimal({ format: 'percentage' }), 'tiles[0].format'],
      [minimal({ object: { type: 'Queue' } }), 'tiles[0].object.id'],
      [minimal({ object: { type: 'Planet', id: '*' } }), 'tiles[0].object.type'],
      [minimal({ layout: { x: 10, y: 0, w: 3, h: 2 } }), 'tiles[0].layout.w'],
      [minimal({ treshold: [] }), 'tiles[0].treshold'],
      [minimal({ kind: 'pie' }), 'tiles[0].kind'],
      [minimal({ kind: 'table', format: undefined, thresholds: undefined, statistic: undefined, columns: [{ statistic: 'ServiceLevel' }] }), 'tiles[0].columns[0].format'],
      [{ ...(minimal({}) as object), version: 2 }, 'version'],
    ];
    for (const [json, path] of cases) {
      const result = parseBoard(json);
      expect(result.ok ? 'accepted' : result.error.path).toBe(path);
    }
  });

  it('should refuse two tiles with the same id', () => {
    const board = minimal({}) as { tiles: unknown[] };
    const result = parseBoard({ ...board, tiles: [board.tiles[0], board.tiles[0]] });
    expect(result).toEqual({ ok: false, error: { path: 'tiles[1].id', message: 'duplicate tile id "sl-sales"' } });
  });

  it('should report text that is not JSON instead of throwing', () => {
    const result = parseBoardText('{ "version": 1,');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/^not JSON/);
  });
});
