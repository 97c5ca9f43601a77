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

/** The example of docs/boards.md with one tile changed; `undefined` removes a key, as JSON would not have it. */
const minimal = (tile: Record<string, unknown>): unknown => JSON.parse(JSON.stringify({
  version: 2,
  id: 'ops-floor',
  title: 'Ops floor',
  tiles: [
    {
      id: 'sl-sales',
      title: 'Sales service level',
      statistic: 'ServiceLevel',
      object: { kind: 'queue', id: 'sales' },
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
      for (const tile of mustParse(json).tiles) {
        for (const ref of tile.kind === 'aggregate' ? tile.objects : [tile.object]) expect(ref.id).toBe('*');
      }
    }
  });

  it('should put the three statistics the product is known for at the top of the first board', () => {
    const queues = mustParse(readJson('queues.json'));
    const top = queues.tiles.filter((t) => t.layout.y === 0);
    expect(top.map((t) => ('statistic' in t ? t.statistic : ''))).toEqual(['ServiceLevel', 'Current_In_Queue', 'LongestIdleTime']);
  });

  it('should accept the example of docs/boards.md and default a tile to kind "stat"', () => {
    const board = mustParse(minimal({}));
    expect(board.tiles[0]).toMatchObject({ kind: 'stat', statistic: 'ServiceLevel' });
  });

  it('should default a trend to 30 minutes and an agent grid to CurrentAgentState', () => {
    const trend = mustParse(minimal({ kind: 'trend', thresholds: undefined }));
    expect(trend.tiles[0]).toMatchObject({ kind: 'trend', minutes: 30 });
    const grid = mustParse(minimal({ kind: 'agent-grid', object: { kind: 'agent', id: '*' }, format: undefined, thresholds: undefined, statistic: undefined }));
    expect(grid.tiles[0]).toMatchObject({ kind: 'agent-grid', statistic: 'CurrentAgentState' });
  });

  it('should let a tile name its source, and leave a tile that names none to the default source', () => {
    const named = mustParse(minimal({ source: 'cloud' })).tiles[0];
    expect(named).toMatchObject({ source: 'cloud' });
    expect(mustParse(minimal({})).tiles[0]).not.toHaveProperty('source');
  });

  it('should name the bad field of a refused board', () => {
    const cases: [unknown, string][] = [
      [minimal({ thresholds: [{ when: 'below', value: 80, level: 'red' }] }), 'tiles[0].thresholds[0].level'],
      [minimal({ format: 'percentage' }), 'tiles[0].format'],
      [minimal({ object: { kind: 'queue' } }), 'tiles[0].object.id'],
      [minimal({ object: { kind: 'planet', id: '*' } }), 'tiles[0].object.kind'],
      [minimal({ object: { kind: 'queue', id: '*', catalog: 'queues' } }), 'tiles[0].object.catalog'],
      [minimal({ source: 'Not An Id' }), 'tiles[0].source'],
      [minimal({ layout: { x: 10, y: 0, w: 3, h: 2 } }), 'tiles[0].layout.w'],
      [minimal({ treshold: [] }), 'tiles[0].treshold'],
      [minimal({ kind: 'pie' }), 'tiles[0].kind'],
      [minimal({ kind: 'table', format: undefined, thresholds: undefined, statistic: undefined, columns: [{ statistic: 'ServiceLevel' }] }), 'tiles[0].columns[0].format'],
      [{ ...(minimal({}) as object), version: 3 }, 'version'],
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

  it('should take a board-level sound, off when left out and kept out, and refuse anything but true or false', () => {
    const board = minimal({}) as Record<string, unknown>;
    expect(mustParse(board)).not.toHaveProperty('sound');
    expect(mustParse({ ...board, sound: true }).sound).toBe(true);
    expect(mustParse({ ...board, sound: false }).sound).toBe(false);
    for (const sound of ['yes', 1, null, { warning: true }]) {
      const result = parseBoard({ ...board, sound });
      expect(result.ok ? 'accepted' : result.error.path, JSON.stringify(sound)).toBe('sound');
    }
    // A board-level key, not a tile's.
    expect(parseBoard(minimal({ sound: true }))).toMatchObject({ ok: false, error: { path: 'tiles[0].sound' } });
  });

  it('should report text that is not JSON instead of throwing', () => {
    const result = parseBoardText('{ "version": 1,');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/^not JSON/);
  });
});

describe('board schema: aggregate tiles', () => {
  const aggregateTile = (tile: Record<string, unknown>): unknown =>
    minimal({
      kind: 'aggregate',
      object: undefined,
      objects: [
        { kind: 'queue', id: 'sales' },
        { kind: 'queue', id: 'billing' },
      ],
      combine: 'weighted-mean',
      ...tile,
    });
  const refusal = (json: unknown): string => {
    const result = parseBoard(json);
    return result.ok ? 'accepted' : `${result.error.path}: ${result.error.message}`;
  };

  it('should accept one statistic summed over several objects, "*" among them', () => {
    const board = mustParse(aggregateTile({ statistic: 'Current_In_Queue', format: 'count', combine: 'sum', thresholds: undefined, objects: [{ kind: 'queue', id: 'sales' }, { kind: 'queue', id: '*' }] }));
    expect(board.tiles[0]).toMatchObject({ kind: 'aggregate', combine: 'sum', objects: [{ kind: 'queue', id: 'sales' }, { kind: 'queue', id: '*' }] });
  });

  it('should let a ServiceLevel be weighted without naming the weight, and keep the file as written', () => {
    const tile = mustParse(aggregateTile({})).tiles[0];
    expect(tile).toMatchObject({ kind: 'aggregate', statistic: 'ServiceLevel', combine: 'weighted-mean' });
    expect(tile && 'weightStatistic' in tile).toBe(false);
    expect(refusal(aggregateTile({ weightStatistic: 'Total_Abandoned' }))).toBe('accepted');
  });

  it('should refuse an aggregate that cannot be combined, naming the bad field', () => {
    expect(refusal(aggregateTile({ statistic: 'AverageWaitingTime', format: 'duration', thresholds: undefined }))).toBe(
      'tiles[0].weightStatistic: a weighted-mean of AverageWaitingTime needs a weightStatistic (only ServiceLevel has a default)',
    );
    expect(refusal(aggregateTile({ combine: 'mean', weightStatistic: 'Total_Answered' }))).toBe('tiles[0].weightStatistic: only combine "weighted-mean" uses a weightStatistic');
    expect(refusal(aggregateTile({ combine: 'sum' }))).toMatch(/^tiles\[0\]\.combine: percentages do not add up/);
    expect(refusal(aggregateTile({ objects: [{ kind: 'queue', id: 'sales' }, { kind: 'skill', id: 'sales' }] }))).toBe(
      'tiles[0].objects[1].kind: every object of an aggregate must be a queue, like the first',
    );
  });

  it('should refuse no objects, an unknown combination, a single object key and misspelt keys by name', () => {
    const cases: [unknown, string][] = [
      [aggregateTile({ objects: [] }), 'tiles[0].objects'],
      [aggregateTile({ combine: 'median' }), 'tiles[0].combine'],
      [aggregateTile({ object: { kind: 'queue', id: 'sales' } }), 'tiles[0].object'],
      [aggregateTile({ weightStatistc: 'Total_Answered' }), 'tiles[0].weightStatistc'],
      [aggregateTile({ objects: [{ kind: 'queue', id: 'sales', name: 'Sales' }] }), 'tiles[0].objects[0].name'],
      [aggregateTile({ combine: undefined }), 'tiles[0].combine'],
    ];
    for (const [json, path] of cases) {
      const result = parseBoard(json);
      expect(result.ok ? 'accepted' : result.error.path).toBe(path);
    }
  });
});
