import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBoard, type Board } from '../boards/board-schema.ts';
import { createLocalBoards, memoryStorage } from '../boards/local-boards.ts';
import { fakeSource, LISTINGS, renderWithProviders, testSources } from '../boards/test-providers.tsx';
import type { Sources } from '../boards/sources-context.tsx';
import { parseStatisticCatalog } from '../sources/genesys-v3/catalog/statistic-catalog.ts';
import { toSourceCatalog } from '../sources/genesys-v3/catalog/to-source-catalog.ts';
import { BoardEditor } from './board-editor.tsx';

/** A source with the real Genesys Engage catalog the app ships, so the form offers what a supervisor would see. */
function shippedSources(): Sources {
  const parsed = parseStatisticCatalog(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/statistics.json'), 'utf8')));
  if (!parsed.ok) throw new Error('statistics.json');
  return testSources(fakeSource(LISTINGS, toSourceCatalog(parsed.catalog)));
}

function board(): Board {
  const parsed = parseBoard({
    version: 2,
    id: 'mine',
    title: 'Mine',
    tiles: [{ id: 'sl', statistic: 'ServiceLevel', object: { kind: 'queue', id: 'sales' }, format: 'percent', layout: { x: 0, y: 0, w: 3, h: 2 } }],
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.board;
}

function setUp(): { readonly stored: () => Board | undefined } {
  const localBoards = createLocalBoards({ storage: memoryStorage() });
  localBoards.save(board());
  renderWithProviders(<BoardEditor board={board()} localBoards={localBoards} serviceLevelTargetPercent={80} onDone={() => undefined} />, { sources: shippedSources() });
  return { stored: () => localBoards.get('mine') };
}

const tileButton = (): HTMLElement => screen.getByRole('button', { name: /Service level/ });
const layout = (el: HTMLElement): string => ['x', 'y', 'w', 'h'].map((k) => el.getAttribute(`data-${k}`)).join(',');

describe('BoardEditor', () => {
  afterEach(cleanup);

  it('moves and resizes a tile with the keyboard, saving each edit, and undoes and redoes them', () => {
    const { stored } = setUp();
    const tile = tileButton();
    fireEvent.keyDown(tile, { key: 'ArrowRight' });
    fireEvent.keyDown(tile, { key: 'ArrowDown', shiftKey: true });
    expect(layout(tileButton())).toBe('1,0,3,3');
    expect(stored()?.tiles[0]?.layout).toEqual({ x: 1, y: 0, w: 3, h: 3 });
    expect(screen.getByRole('status').textContent).toBe('Number: Service level: column 2, row 1, 3 wide, 3 high.');

    // Off the grid is refused and said, not applied.
    fireEvent.keyDown(tileButton(), { key: 'ArrowUp' });
    expect(layout(tileButton())).toBe('1,0,3,3');
    expect(screen.getByRole('status').textContent).toMatch(/cannot move that way/);

    fireEvent.keyDown(tileButton(), { key: 'z', ctrlKey: true });
    fireEvent.keyDown(tileButton(), { key: 'z', ctrlKey: true });
    expect(layout(tileButton())).toBe('0,0,3,2');
    expect(stored()?.tiles[0]?.layout).toEqual({ x: 0, y: 0, w: 3, h: 2 });
    fireEvent.keyDown(tileButton(), { key: 'y', ctrlKey: true });
    expect(layout(tileButton())).toBe('1,0,3,2');
  });

  it('undoes at least the last 20 edits', () => {
    setUp();
    for (let i = 0; i < 9; i += 1) fireEvent.keyDown(tileButton(), { key: 'ArrowRight' });
    for (let i = 0; i < 16; i += 1) fireEvent.keyDown(tileButton(), { key: 'ArrowDown' });
    expect(layout(tileButton())).toBe('9,16,3,2');
    const undo = screen.getByRole('button', { name: 'Undo' });
    for (let i = 0; i < 25; i += 1) fireEvent.click(undo);
    expect(layout(tileButton())).toBe('0,0,3,2');
    expect(undo.hasAttribute('disabled')).toBe(true);
  });

  it('adds a tile from the form with the statistic’s meaning shown and its default thresholds, and deletes it with the Delete key', async () => {
    const user = userEvent.setup();
    const { stored } = setUp();
    await user.click(screen.getByRole('button', { name: 'Add tile' }));
    await user.click(await screen.findByRole('radio', { name: /^VIP/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Statistic' }), 'Current_In_Queue');
    expect(screen.getByRole('combobox', { name: 'Statistic' }).getAttribute('aria-describedby')).toBe(screen.getByTestId('statistic-meaning').id);
    expect(screen.getByTestId('statistic-meaning').textContent).toMatch(/waiting/i);
    await user.click(screen.getByRole('button', { name: 'Add to board' }));

    await waitFor(() => expect(stored()?.tiles).toHaveLength(2));
    const added = stored()?.tiles[1];
    expect(added).toMatchObject({ kind: 'stat', statistic: 'Current_In_Queue', format: 'count', object: { kind: 'queue', id: 'vip' }, layout: { x: 3, y: 0, w: 3, h: 2 } });
    expect(added && 'thresholds' in added ? added.thresholds : undefined).toEqual([
      { when: 'above', value: 5, level: 'warning' },
      { when: 'above', value: 10, level: 'critical' },
    ]);

    fireEvent.keyDown(screen.getByRole('button', { name: /In queue/ }), { key: 'Delete' });
    expect(stored()?.tiles).toHaveLength(1);
  });
});
