import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBoard, type Board } from './board-schema.ts';
import { createLocalBoards, type BoardStorage, type StorageEvents } from './local-boards.ts';
import { useLocalBoards } from './use-local-boards.ts';

function board(id: string): Board {
  const parsed = parseBoard({ version: 2, id, title: id, tiles: [] });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.board;
}

function memory(): BoardStorage {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('useLocalBoards', () => {
  afterEach(cleanup);

  it('should show the stored boards and follow a save', () => {
    const boards = createLocalBoards({ storage: memory() });
    boards.save(board('a'));
    const { result } = renderHook(() => useLocalBoards(boards));
    expect(result.current.map((b) => b.id)).toEqual(['a']);
    act(() => void boards.save(board('b')));
    expect(result.current.map((b) => b.id)).toEqual(['a', 'b']);
  });

  it('should not re-render for a storage event that changed nothing', () => {
    let fire = (): void => undefined;
    const events: StorageEvents = {
      addEventListener: (_type, listener) => {
        fire = () => listener(new StorageEvent('storage', { key: null }));
      },
      removeEventListener: () => undefined,
    };
    const boards = createLocalBoards({ storage: memory(), events });
    let renders = 0;
    renderHook(() => {
      renders += 1;
      return useLocalBoards(boards);
    });
    const before = renders;
    act(() => fire());
    expect(renders).toBe(before);
  });
});
