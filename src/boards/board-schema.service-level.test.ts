import { describe, expect, it } from 'vitest';
import { parseBoard } from './board-schema.ts';

const layout = { x: 0, y: 0, w: 6, h: 2 };
const board = (tile: Record<string, unknown>): unknown => ({ version: 2, id: 'targets', title: 'Targets', tiles: [{ id: 't', layout, ...tile }] });
const serviceLevel = { statistic: 'ServiceLevel', object: { kind: 'queue', id: 'vip' }, format: 'percent' };
const table = (column: Record<string, unknown>, object = { kind: 'queue', id: '*' }): unknown =>
  board({ kind: 'table', object, columns: [{ statistic: 'Total_Answered', format: 'count' }, { format: 'percent', ...column }] });

describe('board schema: serviceLevelSeconds', () => {
  it('should accept a target on a queue’s service level in a stat tile, a table column and a trend', () => {
    for (const json of [
      board({ ...serviceLevel, serviceLevelSeconds: 20 }),
      board({ ...serviceLevel, kind: 'trend', serviceLevelSeconds: 60 }),
      table({ statistic: 'ServiceLevel', serviceLevelSeconds: 1 }),
      // A skill has a service level of its own (the calls that ask for it).
      table({ statistic: 'ServiceLevel', serviceLevelSeconds: 3600 }, { kind: 'skill', id: '*' }),
    ]) {
      expect(parseBoard(json)).toMatchObject({ ok: true });
    }
    const parsed = parseBoard(board({ ...serviceLevel, serviceLevelSeconds: 20 }));
    expect(parsed.ok && parsed.board.tiles[0]).toMatchObject({ serviceLevelSeconds: 20 });
  });

  it('should refuse a target that is not a whole number of seconds from 1 to 3600, naming the field', () => {
    for (const seconds of [0, 3601, 20.5, '20', -5]) {
      expect(parseBoard(board({ ...serviceLevel, serviceLevelSeconds: seconds }))).toMatchObject({
        ok: false,
        error: { path: 'tiles[0].serviceLevelSeconds' },
      });
    }
  });

  it('should refuse a target on a statistic that is not a service level, naming the field', () => {
    expect(parseBoard(board({ statistic: 'Current_In_Queue', object: { kind: 'queue', id: 'vip' }, format: 'count', serviceLevelSeconds: 20 }))).toEqual({
      ok: false,
      error: { path: 'tiles[0].serviceLevelSeconds', message: 'only a service-level statistic (ServiceLevel) takes an answer-time target, not "Current_In_Queue"' },
    });
    expect(parseBoard(table({ statistic: 'AverageWaitingTime', format: 'duration', serviceLevelSeconds: 20 }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].columns[1].serviceLevelSeconds' },
    });
    expect(parseBoard(board({ ...serviceLevel, kind: 'trend', statistic: 'Total_Answered', serviceLevelSeconds: 20 }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].serviceLevelSeconds' },
    });
  });

  it('should refuse a target on a service level of anything but a queue or a skill', () => {
    expect(parseBoard(table({ statistic: 'ServiceLevel', serviceLevelSeconds: 20 }, { kind: 'agent-group', id: '*' }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].columns[1].serviceLevelSeconds', message: expect.stringContaining('not for agent-group') },
    });
    expect(parseBoard(board({ ...serviceLevel, object: { kind: 'agent', id: 'agent-01' }, serviceLevelSeconds: 20 }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].serviceLevelSeconds' },
    });
  });

  it('should refuse the key on an agent grid, which shows no service level', () => {
    expect(parseBoard(board({ kind: 'agent-grid', object: { kind: 'agent', id: '*' }, serviceLevelSeconds: 20 }))).toMatchObject({
      ok: false,
      error: { path: 'tiles[0].serviceLevelSeconds' },
    });
  });
});
