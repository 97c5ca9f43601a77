import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useShippedBoard, useShippedBoards } from './shipped-boards.ts';
import { testWrapper } from './test-providers.tsx';

const board = (id: string, extra: object = {}): object => ({
  version: 2,
  id,
  title: id,
  tiles: [{ id: 't', statistic: 'ServiceLevel', object: { kind: 'queue', id: '*' }, format: 'percent', layout: { x: 0, y: 0, w: 3, h: 2 }, ...extra }],
});

const FILES: Record<string, unknown> = {
  '/boards/index.json': [
    { id: 'good', title: 'Good', file: 'good.json' },
    { id: 'bad', title: 'Bad', file: 'bad.json' },
    { id: 'gone', title: 'Gone', file: 'gone.json' },
  ],
  '/boards/good.json': board('good'),
  '/boards/bad.json': board('bad', { format: 'percentage' }),
};

describe('shipped boards', () => {
  beforeEach(() => {
    // Static files of the app, fetched without the API client: a plain fetch of the page's origin.
    vi.stubGlobal('fetch', (url: string) => {
      const path = new URL(url).pathname;
      return Promise.resolve(path in FILES ? Response.json(FILES[path]) : new Response('not found', { status: 404 }));
    });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('should list every board of the index, each loaded and validated, naming the bad field of a broken one', async () => {
    const { result } = renderHook(() => useShippedBoards(), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.boards.map((b) => b.state)).toEqual(['ready', 'invalid', 'failed']));
    const [good, bad, gone] = result.current.boards;
    expect(good?.state === 'ready' && good.board.tiles[0]?.kind).toBe('stat');
    expect(bad?.state === 'invalid' && bad.error.path).toBe('tiles[0].format');
    expect(gone?.state === 'failed' && gone.message).toBe('boards/gone.json: HTTP 404');
  });

  it('should load one board by id, and say when the index has none', async () => {
    const { result } = renderHook(() => [useShippedBoard('good'), useShippedBoard('nope')] as const, { wrapper: testWrapper() });
    await waitFor(() => expect(result.current[0].board?.state).toBe('ready'));
    expect(result.current[1]).toEqual({ index: { status: 'ready' }, board: undefined });
  });
});
