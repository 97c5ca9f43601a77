/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard, type Board } from './board-schema.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const v1 = (name: string): unknown => read(join(import.meta.dirname, 'test-fixtures/version-1', `${name}.json`));
const shipped = (name: string): unknown => read(join(import.meta.dirname, '../../public/boards', `${name}.json`));

function mustParse(json: unknown): Board {
  const result = parseBoard(json);
  if (!result.ok) throw new Error(`${result.error.path}: ${result.error.message}`);
  return result.board;
}

const layout = { x: 0, y: 0, w: 6, h: 2 };
const v1Board = (tile: Record<string, unknown>): unknown => ({ version: 1, id: 'old', title: 'Old', tiles: [{ id: 't', layout, ...tile }] });

describe('board files of version 1', () => {
  it.each(['queues', 'skills', 'agents'])('should read the %s board as it shipped in version 1 as exactly the version 2 board shipped now', (name) => {
    expect(mustParse(v1(name))).toEqual(mustParse(shipped(name)));
  });

  it("should name a version 1 object's kind by its wire type and listing", () => {
    const kinds = [
      [{ type: 'Queue', id: 'sales' }, 'queue'],
      [{ type: 'Queue', id: 'sales', catalog: 'queues' }, 'queue'],
      [{ type: 'Queue', id: 'sales', catalog: 'skills' }, 'skill'],
      [{ type: 'GroupAgents', id: 'sales' }, 'skill'],
      [{ type: 'GroupAgents', id: 'sales', catalog: 'skills' }, 'skill'],
      [{ type: 'GroupAgents', id: 'team-north', catalog: 'agent-groups' }, 'agent-group'],
    ] as const;
    for (const [object, kind] of kinds) {
      const board = mustParse(v1Board({ statistic: 'Current_In_Queue', object, format: 'count' }));
      expect(board.tiles[0]).toMatchObject({ object: { kind, id: object.id } });
      expect(board.tiles[0]).not.toHaveProperty('source');
    }
  });

  it("should keep a column asked of another kind than its row's, and drop one the source works out itself", () => {
    const board = mustParse(
      v1Board({
        kind: 'table',
        object: { type: 'Queue', id: '*' },
        columns: [
          { statistic: 'ServiceLevel', format: 'percent', objectType: 'Queue' },
          { statistic: 'LongestIdleTime', format: 'duration', objectType: 'GroupAgents' },
        ],
      }),
    );
    expect(board.tiles[0]).toMatchObject({ columns: [{ statistic: 'ServiceLevel' }, { statistic: 'LongestIdleTime', objectKind: 'skill' }] });
    expect(board.tiles[0]?.kind === 'table' && board.tiles[0].columns[0]).not.toHaveProperty('objectKind');
  });

  it('should refuse a bad version 1 file naming the field as the file has it', () => {
    expect(parseBoard(v1Board({ statistic: 'ServiceLevel', object: { type: 'Skill', id: 'x' }, format: 'percent' }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].object.type' },
    });
    expect(parseBoard(v1Board({ statistic: 'Current_In_Queue', object: { type: 'Queue', id: 'x' }, format: 'count', serviceLevelSeconds: 20 }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].serviceLevelSeconds' },
    });
  });

  it('should refuse a version it does not know', () => {
    expect(parseBoard({ version: 3, id: 'x', title: 'X', tiles: [] })).toMatchObject({ ok: false, error: { path: 'version' } });
  });
});
