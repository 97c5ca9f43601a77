import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { signIn } from '../support/sign-in.ts';
import { notLive } from '../support/sources.ts';

/**
 * docs/boards.md "Version 1": boards written before version 2 still load and show the same thing — a version 1
 * board kept in this browser, and a version 1 file imported.
 */
const v1Queues = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/boards/test-fixtures/version-1/queues.json'), 'utf8')) as { tiles: unknown[] };
const oldBoard = { ...v1Queues, id: 'old-floor', title: 'Old floor' };

test.describe('version 1 boards', () => {
  test('should show a version 1 board kept in this browser live, as it showed before', async ({ page }) => {
    await page.addInitScript((stored) => {
      if (localStorage.getItem('wallboard.boards.v1') === null) localStorage.setItem('wallboard.boards.v1', stored);
    }, JSON.stringify({ boards: [oldBoard] }));
    await signIn(page, { at: '/?board=old-floor' });
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'old-floor');
    await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => notLive(page), { timeout: 20_000 }).toEqual([]);
    // The same tiles as the shipped Queues board, which is version 2 now.
    const oldTiles = await page.getByTestId('tile').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-stat')}|${e.getAttribute('data-object-type')}|${e.getAttribute('data-object-id')}`));
    await page.locator('[data-testid="board-tab"][data-board="queues"]').click();
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'queues');
    await expect.poll(() => page.getByTestId('tile').count()).toBe(oldTiles.length);
    const newTiles = await page.getByTestId('tile').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-stat')}|${e.getAttribute('data-object-type')}|${e.getAttribute('data-object-id')}`));
    expect(newTiles).toEqual(oldTiles);
  });

  test('should import a version 1 file and show it live', async ({ page }) => {
    await signIn(page);
    await page.getByTestId('board-import-input').setInputFiles({ name: 'old-floor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(oldBoard)) });
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'old-floor', { timeout: 15_000 });
    await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => notLive(page), { timeout: 20_000 }).toEqual([]);
  });
});
