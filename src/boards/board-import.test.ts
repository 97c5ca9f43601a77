// @vitest-environment node
// Blob.text() is in every browser the app supports and in Node, not in jsdom.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBoardFile, importBoardToLocal, MAX_BOARD_FILE_BYTES } from './board-import.ts';
import { createLocalBoards, type BoardStorage } from './local-boards.ts';

const SHIPPED = { shippedIds: ['queues', 'skills', 'agents'] };

const tile = (layout: object = { x: 0, y: 0, w: 3, h: 2 }): object => ({
  id: 'sl-sales',
  title: 'Sales service level',
  statistic: 'ServiceLevel',
  object: { kind: 'queue', id: 'sales' },
  format: 'percent',
  layout,
});

const boardJson = (extra: object = {}): object => ({ version: 2, id: 'ops-floor', title: 'Ops floor', tiles: [tile()], ...extra });

const fileOf = (content: unknown, name = 'board.json'): File =>
  new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });

describe('importBoardFile', () => {
  it('should accept a valid board file', async () => {
    const result = await importBoardFile(fileOf(boardJson()), SHIPPED);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.board).toMatchObject({ id: 'ops-floor', title: 'Ops floor', tiles: [{ kind: 'stat', id: 'sl-sales' }] });
  });

  it('should accept a plain Blob and a UTF-8 byte order mark', async () => {
    const result = await importBoardFile(new Blob(['\uFEFF', JSON.stringify(boardJson())]), SHIPPED);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a tile too wide', boardJson({ tiles: [tile({ x: 4, y: 0, w: 9, h: 1 })] }), 'tiles[0].layout.w', 'x + w must not exceed 12 columns'],
    ['an unknown key', boardJson({ owner: 'me' }), 'owner', ''],
    ['an unknown key in a tile', boardJson({ tiles: [{ ...tile(), onclick: 'x' }] }), 'tiles[0].onclick', ''],
    ['a hostile title next to a bad field', boardJson({ title: '<img src=x onerror=window.__pwned=1>', tiles: [{ ...tile(), format: 'html' }] }), 'tiles[0].format', ''],
    ['a wrong version', boardJson({ version: 3 }), 'version', ''],
    ['an id too long for the address', boardJson({ id: 'a'.repeat(65) }), 'id', '64'],
  ])('should refuse %s, naming the field', async (_, json, path, message) => {
    const result = await importBoardFile(fileOf(json), SHIPPED);
    expect(result).toMatchObject({ ok: false, error: { path } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('should refuse a file that is not JSON', async () => {
    const result = await importBoardFile(fileOf('{"version": 1,'), SHIPPED);
    expect(result).toMatchObject({ ok: false, error: { path: '' } });
    if (!result.ok) expect(result.error.message).toMatch(/^not JSON/);
  });

  it('should refuse the id of a shipped board, naming the id', async () => {
    const result = await importBoardFile(fileOf(boardJson({ id: 'queues' })), SHIPPED);
    expect(result).toMatchObject({ ok: false, error: { path: 'id' } });
    if (!result.ok) expect(result.error.message).toContain('"queues" is the id of a shipped board');
  });

  it('should refuse a file over the limit by its size, without reading it', async () => {
    let read = false;
    const huge = new Blob([' '.repeat(MAX_BOARD_FILE_BYTES + 1)]);
    Object.defineProperty(huge, 'text', {
      value: () => {
        read = true;
        return Promise.resolve('');
      },
    });
    const result = await importBoardFile(huge, SHIPPED);
    expect(result).toMatchObject({ ok: false, error: { path: '' } });
    if (!result.ok) expect(result.error.message).toBe('the file is 1.0 MiB; a board file may be at most 1.0 MiB');
    expect(read).toBe(false);
  });

  it('should name the size in the unit that reads best', async () => {
    const result = await importBoardFile(new Blob(['x'.repeat(3000)]), { ...SHIPPED, maxBytes: 2048 });
    if (!result.ok) expect(result.error.message).toBe('the file is 2.9 KiB; a board file may be at most 2.0 KiB');
    else expect.fail('accepted a file over the limit');
  });

  it('should refuse a file that cannot be read, not throw', async () => {
    const unreadable = new Blob(['{}']);
    Object.defineProperty(unreadable, 'text', { value: () => Promise.reject(new DOMException('gone', 'NotReadableError')) });
    const result = await importBoardFile(unreadable, SHIPPED);
    expect(result).toMatchObject({ ok: false, error: { path: '', message: 'the file could not be read: gone' } });
  });

  it('should never throw, and always name a message, for any file content', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), async (content) => {
        const result = await importBoardFile(new Blob([content]), SHIPPED);
        if (!result.ok) {
          expect(typeof result.error.path).toBe('string');
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('importBoardToLocal', () => {
  const memory = (): BoardStorage => {
    const values = new Map<string, string>();
    return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
  };

  it('should keep an accepted board, and replace a local board with the same id', async () => {
    const localBoards = createLocalBoards({ storage: memory() });
    await importBoardToLocal(fileOf(boardJson()), { ...SHIPPED, localBoards });
    const again = await importBoardToLocal(fileOf(boardJson({ title: 'Ops floor, exported and back' })), { ...SHIPPED, localBoards });
    expect(again.ok).toBe(true);
    expect(localBoards.list().map((b) => [b.id, b.title])).toEqual([['ops-floor', 'Ops floor, exported and back']]);
  });

  it('should keep nothing of a refused file', async () => {
    const localBoards = createLocalBoards({ storage: memory() });
    await importBoardToLocal(fileOf(boardJson()), { ...SHIPPED, localBoards });
    const before = localBoards.list();
    const refused = await importBoardToLocal(fileOf(boardJson({ title: 'Broken', tiles: [tile({ x: 0, y: 0, w: 13, h: 1 })] })), { ...SHIPPED, localBoards });
    expect(refused).toMatchObject({ ok: false, error: { path: 'tiles[0].layout.w' } });
    expect(localBoards.list()).toBe(before);
  });

  it('should refuse, naming why, when the browser will not store the board', async () => {
    const full: BoardStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      },
    };
    const result = await importBoardToLocal(fileOf(boardJson()), { ...SHIPPED, localBoards: createLocalBoards({ storage: full }) });
    expect(result).toMatchObject({ ok: false, error: { path: '' } });
    if (!result.ok) expect(result.error.message).toContain('quota exceeded');
  });
});
