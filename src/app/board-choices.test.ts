import { describe, expect, it } from 'vitest';
import { parseBoard, type Board } from '../boards/board-schema.ts';
import type { ShippedBoard } from '../boards/shipped-boards.ts';
import { boardChoices, currentChoice } from './board-choices.ts';

function board(id: string, title = id): Board {
  const parsed = parseBoard({ version: 2, id, title, tiles: [] });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.board;
}

const entry = (id: string): ShippedBoard['entry'] => ({ id, title: id.toUpperCase(), file: `${id}.json` });

const SHIPPED: readonly ShippedBoard[] = [
  { entry: entry('queues'), state: 'ready', board: board('queues') },
  { entry: entry('skills'), state: 'loading' },
  { entry: entry('agents'), state: 'invalid', error: { path: 'tiles[0].format', message: 'bad' } },
  { entry: entry('gone'), state: 'failed', message: 'HTTP 404' },
];

describe('board choices', () => {
  it('should offer the shipped boards first, then the local ones, each with its state', () => {
    const choices = boardChoices({ status: 'ready', boards: SHIPPED }, [board('mine', 'My board')]);
    expect(choices.map((c) => [c.id, c.origin, c.state])).toEqual([
      ['queues', 'shipped', 'ready'],
      ['skills', 'shipped', 'loading'],
      ['agents', 'shipped', 'invalid'],
      ['gone', 'shipped', 'failed'],
      ['mine', 'local', 'ready'],
    ]);
    expect(choices[0]?.title).toBe('QUEUES');
    expect(choices[4]).toMatchObject({ title: 'My board', board: board('mine', 'My board') });
  });

  it('should keep local boards back while the shipped index is loading', () => {
    expect(boardChoices({ status: 'loading', boards: [] }, [board('mine')])).toEqual([]);
  });

  it('should still offer local boards when the shipped index could not be read', () => {
    expect(boardChoices({ status: 'error', boards: [] }, [board('mine')]).map((c) => c.id)).toEqual(['mine']);
  });

  it('should let a shipped board win over a local board with its id', () => {
    const choices = boardChoices({ status: 'ready', boards: SHIPPED }, [board('queues', 'Impostor')]);
    expect(choices.filter((c) => c.id === 'queues')).toEqual([expect.objectContaining({ origin: 'shipped', title: 'QUEUES' })]);
  });

  it('should pick the board the address names, else the first', () => {
    const choices = boardChoices({ status: 'ready', boards: SHIPPED }, [board('mine')]);
    expect(currentChoice(choices, 'mine')?.id).toBe('mine');
    expect(currentChoice(choices, 'nowhere')?.id).toBe('queues');
    expect(currentChoice([], 'mine')).toBeUndefined();
  });
});
