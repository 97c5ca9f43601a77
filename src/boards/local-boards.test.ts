import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseBoard, type Board } from './board-schema.ts';
import { createLocalBoards, LOCAL_BOARDS_KEY, type BoardStorage, type StorageEvents } from './local-boards.ts';
import { testBoard } from './test-board.ts';


function fakeStorage(initial: Record<string, string> = {}): BoardStorage & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

/** A window that only carries `storage` events, fired by the test as another tab's writes would be. */
function fakeWindow(): StorageEvents & { fire(key: string | null): void; readonly listening: number } {
  const listeners = new Set<(event: StorageEvent) => void>();
  return {
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    fire: (key) => listeners.forEach((listener) => listener(new StorageEvent('storage', { key }))),
    get listening() {
      return listeners.size;
    },
  };
}

const stored = (value: unknown): Record<string, string> => ({ [LOCAL_BOARDS_KEY]: JSON.stringify(value) });
const ids = (boards: readonly Board[]): readonly string[] => boards.map((b) => b.id);

describe('local boards', () => {
  it('should list nothing when nothing is stored', () => {
    expect(createLocalBoards({ storage: fakeStorage() }).list()).toEqual([]);
  });

  it('should keep a saved board under the one versioned key, and nothing else', () => {
    const storage = fakeStorage();
    const boards = createLocalBoards({ storage });
    expect(boards.save(testBoard('floor'))).toEqual({ ok: true });
    expect([...storage.values.keys()]).toEqual([LOCAL_BOARDS_KEY]);
    expect(JSON.parse(storage.values.get(LOCAL_BOARDS_KEY) ?? '')).toEqual({ boards: [testBoard('floor')] });
    // A second instance on the same storage (the next page load) reads it back.
    expect(createLocalBoards({ storage }).get('floor')).toEqual(testBoard('floor'));
  });

  it('should replace a board saved again with the same id, in its place', () => {
    const boards = createLocalBoards({ storage: fakeStorage() });
    boards.save(testBoard('a'));
    boards.save(testBoard('b'));
    boards.save(testBoard('a', 'A again'));
    expect(ids(boards.list())).toEqual(['a', 'b']);
    expect(boards.get('a')?.title).toBe('A again');
  });

  it('should remove a board by id, and do nothing for an unknown id', () => {
    const boards = createLocalBoards({ storage: fakeStorage() });
    boards.save(testBoard('a'));
    boards.save(testBoard('b'));
    expect(boards.remove('a')).toEqual({ ok: true });
    expect(boards.remove('nope')).toEqual({ ok: true });
    expect(ids(boards.list())).toEqual(['b']);
    expect(boards.get('a')).toBeUndefined();
  });

  it('should answer the same array until the stored value changes', () => {
    const boards = createLocalBoards({ storage: fakeStorage() });
    boards.save(testBoard('a'));
    const first = boards.list();
    expect(boards.list()).toBe(first);
    boards.save(testBoard('b'));
    expect(boards.list()).not.toBe(first);
  });

  it('should keep an unchanged board the same object when another board is saved', () => {
    const boards = createLocalBoards({ storage: fakeStorage() });
    boards.save(testBoard('a'));
    const a = boards.get('a');
    boards.save(testBoard('b'));
    expect(boards.get('a')).toBe(a);
  });

  it.each([
    ['not JSON', '{"boards": ['],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['boards not an array', '{"boards": {"a": 1}}'],
    ['a string', '"boards"'],
  ])('should list nothing, not throw, when the stored value is %s', (_, raw) => {
    expect(createLocalBoards({ storage: fakeStorage({ [LOCAL_BOARDS_KEY]: raw }) }).list()).toEqual([]);
  });

  it('should drop a stored board that does not validate, keep the others, and forget it at the next write', () => {
    const broken = { ...testBoard('broken'), tiles: [{ ...testBoard('x').tiles[0], layout: { x: 10, y: 0, w: 4, h: 1 } }] };
    const storage = fakeStorage(stored({ boards: [testBoard('a'), broken, 'junk', null, testBoard('b')] }));
    const boards = createLocalBoards({ storage });
    expect(ids(boards.list())).toEqual(['a', 'b']);
    boards.save(testBoard('c'));
    expect(JSON.parse(storage.values.get(LOCAL_BOARDS_KEY) ?? '')).toEqual({ boards: [testBoard('a'), testBoard('b'), testBoard('c')] });
  });

  it('should drop a stored board whose id an earlier one already has', () => {
    const boards = createLocalBoards({ storage: fakeStorage(stored({ boards: [testBoard('a', 'first'), testBoard('a', 'second')] })) });
    expect(boards.list().map((b) => b.title)).toEqual(['first']);
  });

  it('should refuse to save a board that does not validate, naming the field, and store nothing', () => {
    const storage = fakeStorage();
    const bad = { ...testBoard('bad'), title: '' };
    expect(createLocalBoards({ storage }).save(bad)).toMatchObject({ ok: false, error: { path: 'title' } });
    expect(storage.values.size).toBe(0);
  });

  it('should list nothing when storage refuses to be read', () => {
    const storage: BoardStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(createLocalBoards({ storage }).list()).toEqual([]);
  });

  it('should report a full storage as a refusal, not throw, and tell no listener', () => {
    const storage: BoardStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const boards = createLocalBoards({ storage });
    const listener = vi.fn();
    boards.subscribe(listener);
    const result = boards.save(testBoard('a'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('full');
    expect(listener).not.toHaveBeenCalled();
  });

  it('should tell listeners of every change in this tab until they unsubscribe', () => {
    const boards = createLocalBoards({ storage: fakeStorage() });
    const listener = vi.fn();
    const unsubscribe = boards.subscribe(listener);
    boards.save(testBoard('a'));
    boards.remove('a');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    boards.save(testBoard('b'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('should follow another tab: a storage event for its key (or a cleared storage) tells listeners', () => {
    const storage = fakeStorage();
    const events = fakeWindow();
    const here = createLocalBoards({ storage, events });
    const otherTab = createLocalBoards({ storage });
    const listener = vi.fn();
    const unsubscribe = here.subscribe(listener);
    expect(here.list()).toEqual([]);

    otherTab.save(testBoard('from-elsewhere'));
    events.fire(LOCAL_BOARDS_KEY);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ids(here.list())).toEqual(['from-elsewhere']);

    events.fire('something-else');
    expect(listener).toHaveBeenCalledTimes(1);
    events.fire(null);
    expect(listener).toHaveBeenCalledTimes(2);

    // The last listener gone, the window listener is gone too.
    expect(events.listening).toBe(1);
    unsubscribe();
    expect(events.listening).toBe(0);
  });

  describe('properties', () => {
    const RUNS = { numRuns: 300 };

    it('should never throw out of list(), and list only boards that validate, for any stored text', () => {
      fc.assert(
        fc.property(fc.string(), (raw) => {
          const listed = createLocalBoards({ storage: fakeStorage({ [LOCAL_BOARDS_KEY]: raw }) }).list();
          for (const b of listed) expect(parseBoard(b).ok).toBe(true);
        }),
        RUNS,
      );
    });

    it('should never throw out of list(), and list valid boards with distinct ids, for any stored JSON', () => {
      const entry = fc.oneof(fc.jsonValue(), fc.constantFrom<unknown>(testBoard('a'), testBoard('b'), { ...testBoard('c'), version: 2 }));
      const value = fc.oneof(fc.jsonValue(), fc.record({ boards: fc.array(entry, { maxLength: 6 }) }));
      fc.assert(
        fc.property(value, (json) => {
          const listed = createLocalBoards({ storage: fakeStorage(stored(json)) }).list();
          for (const b of listed) expect(parseBoard(b).ok).toBe(true);
          expect(new Set(ids(listed)).size).toBe(listed.length);
        }),
        RUNS,
      );
    });
  });
});
