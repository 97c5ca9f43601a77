import { parseBoard, type Board, type BoardError } from './board-schema.ts';

/**
 * The boards this browser's user owns (imported or duplicated; edited later), kept in Web
 * Storage under one versioned key. What is stored is an edge like any file: a hand-edited or
 * half-written value, or one an older release wrote, is re-validated on every read and whatever
 * does not validate is left out rather than crashing the app. Boards only: tokens never go here.
 */

/** Bump the suffix when the stored shape changes, so an old release never misreads a new value. */
export const LOCAL_BOARDS_KEY = 'wallboard.boards.v1';

/** What the boards need of Web Storage (`localStorage` in the app, a fake in tests). */
export type BoardStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Where another tab's writes are announced (`window` in the app). */
export interface StorageEvents {
  addEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
}

export type LocalBoardsResult = { readonly ok: true } | { readonly ok: false; readonly error: BoardError };

export interface LocalBoards {
  /** Every valid stored board, in the order saved. The same array until the stored value changes. */
  list(): readonly Board[];
  get(id: string): Board | undefined;
  /** Adds the board, or replaces the stored one with its id (re-importing an exported board). */
  save(board: Board): LocalBoardsResult;
  remove(id: string): LocalBoardsResult;
  /** Called after every change, this tab's or another's; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface LocalBoardsDeps {
  readonly storage: BoardStorage;
  readonly events?: StorageEvents;
  readonly key?: string;
}

interface Stored {
  readonly boards: readonly Board[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entries of a stored value, or none when the value as a whole is unreadable. */
function storedEntries(raw: string | null): readonly unknown[] {
  if (raw === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  return isRecord(json) && Array.isArray(json.boards) ? json.boards : [];
}

function validBoard(entry: unknown): Board | undefined {
  const parsed = parseBoard(entry);
  return parsed.ok ? parsed.board : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createLocalBoards({ storage, events, key = LOCAL_BOARDS_KEY }: LocalBoardsDeps): LocalBoards {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null | undefined;
  let cached: readonly Board[] = [];
  // Boards by their stored text: an unchanged board keeps its identity across re-reads, so the
  // board on screen does not look new (and re-subscribe) when another board is saved.
  let known = new Map<string, Board>();

  function readRaw(): string | null {
    try {
      return storage.getItem(key);
    } catch {
      // Storage can be blocked outright (browser settings); that is the same as nothing stored.
      return null;
    }
  }

  function decode(raw: string | null): readonly Board[] {
    const boards: Board[] = [];
    const ids = new Set<string>();
    const next = new Map<string, Board>();
    for (const entry of storedEntries(raw)) {
      const text = JSON.stringify(entry);
      const board = known.get(text) ?? validBoard(entry);
      // A second board with an id already seen could never be opened by its address.
      if (!board || ids.has(board.id)) continue;
      ids.add(board.id);
      next.set(text, board);
      boards.push(board);
    }
    known = next;
    return boards;
  }

  function list(): readonly Board[] {
    const raw = readRaw();
    if (raw !== cachedRaw) {
      cached = decode(raw);
      cachedRaw = raw;
    }
    return cached;
  }

  function notify(): void {
    for (const listener of [...listeners]) listener();
  }

  /** Writes the whole list; entries that did not validate on read are dropped by this write. */
  function write(boards: readonly Board[]): LocalBoardsResult {
    const value: Stored = { boards };
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // Quota exceeded or storage blocked: the caller tells the user; nothing changed.
      return { ok: false, error: { path: '', message: `the board could not be stored in this browser: ${messageOf(error)}` } };
    }
    notify();
    return { ok: true };
  }

  function onStorage(event: StorageEvent): void {
    // `key` is null when another tab cleared the whole storage.
    if (event.key === null || event.key === key) notify();
  }

  return {
    list,
    get: (id) => list().find((board) => board.id === id),
    save(board) {
      // A board built in code (an editor, later) meets the same rules as a file.
      const parsed = parseBoard(board);
      if (!parsed.ok) return parsed;
      const current = list();
      const replaced = current.some((b) => b.id === parsed.board.id);
      return write(replaced ? current.map((b) => (b.id === parsed.board.id ? parsed.board : b)) : [...current, parsed.board]);
    },
    remove(id) {
      const current = list();
      return current.some((b) => b.id === id) ? write(current.filter((b) => b.id !== id)) : { ok: true };
    },
    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events?.removeEventListener('storage', onStorage);
      };
    },
  };
}

/** A stand-in when the browser refuses Web Storage: boards last as long as the page. */
export function memoryStorage(): BoardStorage {
  const values = new Map<string, string>();
  return { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v) };
}

/** The app's boards in this browser's `localStorage`, shared by every tab of the app. */
export function createBrowserLocalBoards(): LocalBoards {
  let storage: BoardStorage;
  try {
    // Reading the property itself throws where storage is disabled.
    storage = window.localStorage;
  } catch {
    storage = memoryStorage();
  }
  return createLocalBoards({ storage, events: window });
}
