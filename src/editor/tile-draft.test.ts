import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard, type BoardTile } from '../boards/board-schema.ts';
import { draftToTile, emptyDraft, sourceObjectType, tileToDraft, type ObjectTypeOf, type TileDraft } from './tile-draft.ts';

// A skill's queue statistics are asked of its virtual queue (statistics.yaml SKILL_Q), the rest of its agent group.
const SKILL_QUEUE_STATISTICS = new Set(['ServiceLevel', 'Current_In_Queue', 'CurrMaxCallWaitingTime', 'AverageWaitingTime', 'Total_Answered', 'Total_Abandoned']);
const objectTypeOf: ObjectTypeOf = (statistic, source) => (source === 'skills' && SKILL_QUEUE_STATISTICS.has(statistic) ? 'Queue' : sourceObjectType(source));

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
      const result = draftToTile(tileToDraft(tile), tile.id, tile.layout, objectTypeOf);
      expect(result, tile.id).toEqual({ ok: true, tile });
    }
  });

  it('keeps thresholds the form has no field for (a third threshold, a hysteresis band)', () => {
    const parsed = parseBoard({
      version: 1,
      id: 'b',
      title: 'b',
      tiles: [
        {
          id: 'q',
          statistic: 'Current_In_Queue',
          object: { type: 'Queue', id: 'sales' },
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
    const back = draftToTile(tileToDraft(tile), 'q', AT, objectTypeOf);
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
    const result = draftToTile({ ...stat, warning: { enabled: true, when: 'below', value: '80' }, serviceLevelSeconds: '20' }, 'sl', AT, objectTypeOf);
    expect(result).toEqual({
      ok: true,
      tile: { id: 'sl', kind: 'stat', layout: AT, object: { type: 'Queue', id: 'vip', catalog: 'queues' }, statistic: 'ServiceLevel', format: 'percent', thresholds: [{ when: 'below', value: 80, level: 'warning' }], serviceLevelSeconds: 20 },
    });
  });

  it('names the field of what is wrong, as a board file import would', () => {
    expect(draftToTile({ ...stat, statistic: '' }, 'x', AT, objectTypeOf)).toMatchObject({ ok: false, error: { path: 'statistic' } });
    expect(draftToTile({ ...stat, warning: { enabled: true, when: 'below', value: 'eighty' } }, 'x', AT, objectTypeOf)).toMatchObject({ ok: false, error: { path: 'thresholds', message: 'warning: enter a number' } });
    expect(draftToTile({ ...stat, serviceLevelSeconds: '0' }, 'x', AT, objectTypeOf)).toMatchObject({ ok: false, error: { path: 'serviceLevelSeconds' } });
    expect(draftToTile({ ...stat, statistic: 'Current_In_Queue', format: 'count', serviceLevelSeconds: '20' }, 'x', AT, objectTypeOf)).toMatchObject({ ok: false, error: { path: 'serviceLevelSeconds' } });
    const sumOfPercent: TileDraft = { ...emptyDraft('aggregate'), statistic: 'ServiceLevel', format: 'percent', combine: 'sum', objectIds: ['a', 'b'] };
    expect(draftToTile(sumOfPercent, 'x', AT, objectTypeOf)).toMatchObject({ ok: false, error: { path: 'combine' } });
    expect(draftToTile({ ...emptyDraft('table'), objectIds: ['*'] }, 'x', AT, objectTypeOf)).toMatchObject({ ok: false, error: { path: 'columns' } });
  });

  it('writes a skill queue statistic as the skill’s virtual queue, from the skills listing', () => {
    const result = draftToTile({ ...stat, source: 'skills', objectIds: ['*'] }, 'x', AT, objectTypeOf);
    expect(result.ok && 'object' in result.tile ? result.tile.object : undefined).toEqual({ type: 'Queue', id: '*', catalog: 'skills' });
    const table = draftToTile(
      { ...emptyDraft('table'), source: 'skills', columns: [{ statistic: 'CurrentReadyAgents', format: 'count' }, { statistic: 'ServiceLevel', format: 'percent' }] },
      't',
      AT,
      objectTypeOf,
    );
    expect(table.ok && table.tile.kind === 'table' ? table.tile.columns : undefined).toEqual([
      { statistic: 'CurrentReadyAgents', format: 'count' },
      { statistic: 'ServiceLevel', format: 'percent', objectType: 'Queue' },
    ]);
  });

  it('builds an aggregate over chosen objects, weighted by default for a service level', () => {
    const result = draftToTile({ ...emptyDraft('aggregate'), statistic: 'ServiceLevel', format: 'percent', combine: 'weighted-mean', objectIds: ['sales', 'vip'] }, 'a', AT, objectTypeOf);
    expect(result).toMatchObject({ ok: true, tile: { kind: 'aggregate', combine: 'weighted-mean', objects: [{ type: 'Queue', id: 'sales', catalog: 'queues' }, { type: 'Queue', id: 'vip', catalog: 'queues' }] } });
  });
});
