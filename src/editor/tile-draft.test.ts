import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard, type BoardTile } from '../boards/board-schema.ts';
import { draftToTile, emptyDraft, tileToDraft, type TileDraft } from './tile-draft.ts';

function shippedTiles(): readonly BoardTile[] {
  const dir = join(import.meta.dirname, '../../public/boards');
  return ['queues.json', 'skills.json', 'agents.json'].flatMap((file) => {
    const parsed = parseBoard(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error.path}`);
    return parsed.board.tiles;
  });
}

const AT = { x: 0, y: 0, w: 3, h: 2 };

describe('tileToDraft → draftToTile', () => {
  it('gives back every tile of the shipped boards unchanged, so opening the form and applying loses nothing', () => {
    const tiles = shippedTiles();
    expect(tiles.length).toBeGreaterThan(3);
    for (const tile of tiles) {
      const result = draftToTile(tileToDraft(tile), tile.id, tile.layout);
      expect(result, tile.id).toEqual({ ok: true, tile });
    }
  });

  it('keeps thresholds the form has no field for (a third threshold, a hysteresis band)', () => {
    const parsed = parseBoard({
      version: 2,
      id: 'b',
      title: 'b',
      tiles: [
        {
          id: 'q',
          statistic: 'Current_In_Queue',
          object: { kind: 'queue', id: 'sales' },
          format: 'count',
          layout: AT,
          thresholds: [
            { when: 'above', value: 5, level: 'warning', hysteresis: 2 },
            { when: 'above', value: 10, level: 'critical' },
            { when: 'below', value: 0, level: 'warning' },
          ],
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const tile = parsed.board.tiles[0] as BoardTile;
    const back = draftToTile(tileToDraft(tile), 'q', AT);
    expect(back.ok && 'thresholds' in back.tile ? back.tile.thresholds : undefined).toEqual([
      { when: 'above', value: 5, level: 'warning', hysteresis: 2 },
      { when: 'above', value: 10, level: 'critical' },
      { when: 'below', value: 0, level: 'warning' },
    ]);
  });
});

describe('draftToTile', () => {
  const stat: TileDraft = { ...emptyDraft('stat'), statistic: 'ServiceLevel', format: 'percent', objectIds: ['vip'] };

  it('builds a stat tile with a threshold and an answer-time target', () => {
    const result = draftToTile({ ...stat, warning: { enabled: true, when: 'below', value: '80' }, serviceLevelSeconds: '20' }, 'sl', AT);
    expect(result).toEqual({
      ok: true,
      tile: { id: 'sl', kind: 'stat', layout: AT, object: { kind: 'queue', id: 'vip' }, statistic: 'ServiceLevel', format: 'percent', thresholds: [{ when: 'below', value: 80, level: 'warning' }], serviceLevelSeconds: 20 },
    });
  });

  it('names the field of what is wrong, as a board file import would', () => {
    expect(draftToTile({ ...stat, statistic: '' }, 'x', AT)).toMatchObject({ ok: false, error: { path: 'statistic' } });
    expect(draftToTile({ ...stat, warning: { enabled: true, when: 'below', value: 'eighty' } }, 'x', AT)).toMatchObject({ ok: false, error: { path: 'thresholds', message: 'warning: enter a number' } });
    expect(draftToTile({ ...stat, serviceLevelSeconds: '0' }, 'x', AT)).toMatchObject({ ok: false, error: { path: 'serviceLevelSeconds' } });
    expect(draftToTile({ ...stat, statistic: 'Current_In_Queue', format: 'count', serviceLevelSeconds: '20' }, 'x', AT)).toMatchObject({ ok: false, error: { path: 'serviceLevelSeconds' } });
    const sumOfPercent: TileDraft = { ...emptyDraft('aggregate'), statistic: 'ServiceLevel', format: 'percent', combine: 'sum', objectIds: ['a', 'b'] };
    expect(draftToTile(sumOfPercent, 'x', AT)).toMatchObject({ ok: false, error: { path: 'combine' } });
    expect(draftToTile({ ...emptyDraft('table'), objectIds: ['*'] }, 'x', AT)).toMatchObject({ ok: false, error: { path: 'columns' } });
  });

  it('writes the objects and the columns of a skills tile in the wallboard\'s kinds, leaving the wire types to the source', () => {
    const result = draftToTile({ ...stat, objectKind: 'skill', objectIds: ['*'] }, 'x', AT);
    expect(result.ok && 'object' in result.tile ? result.tile.object : undefined).toEqual({ kind: 'skill', id: '*' });
    const table = draftToTile(
      { ...emptyDraft('table'), objectKind: 'skill', columns: [{ statistic: 'CurrentReadyAgents', format: 'count' }, { statistic: 'ServiceLevel', format: 'percent' }] },
      't',
      AT
    );
    expect(table.ok && table.tile.kind === 'table' ? table.tile.columns : undefined).toEqual([
      { statistic: 'CurrentReadyAgents', format: 'count' },
      { statistic: 'ServiceLevel', format: 'percent' },
    ]);
  });

  it('names the tile\'s source only when it is not the default', () => {
    const own = draftToTile({ ...stat, source: 'cloud' }, 'x', AT);
    expect(own.ok && own.tile).toMatchObject({ source: 'cloud' });
    const plain = draftToTile(stat, 'x', AT);
    expect(plain.ok && plain.tile).not.toHaveProperty('source');
  });

  it('builds an aggregate over chosen objects, weighted by default for a service level', () => {
    const result = draftToTile({ ...emptyDraft('aggregate'), statistic: 'ServiceLevel', format: 'percent', combine: 'weighted-mean', objectIds: ['sales', 'vip'] }, 'a', AT);
    expect(result).toMatchObject({ ok: true, tile: { kind: 'aggregate', combine: 'weighted-mean', objects: [{ kind: 'queue', id: 'sales' }, { kind: 'queue', id: 'vip' }] } });
  });
});
