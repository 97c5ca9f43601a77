import type { Request } from '@playwright/test';
import { expect, test, type Page } from '../support/fixtures.ts';
import { distinctBoardStatistics, expectEveryTile, expectOneSessionHoldingTheBoard, sessions, startClean } from '../support/faults.ts';
import { expectSignedInOnItsOwn, SIGNED_IN_MEMORY_KEY, signIn } from '../support/sign-in.ts';

// Issue 5, last point: "Board import: a malformed or hostile file is refused with the bad field
// named, the current board untouched." An accepted file becomes one of the user's own boards, kept
// in this browser (localStorage) and offered after the shipped boards.

const IMPORTED = {
  version: 1,
  id: 'imported-floor',
  title: 'Imported floor',
  tiles: [
    {
      id: 'sl-sales',
      title: 'Sales service level',
      statistic: 'ServiceLevel',
      object: { type: 'Queue', id: 'sales' },
      format: 'percent',
      layout: { x: 0, y: 0, w: 6, h: 3 },
      thresholds: [{ when: 'below', value: 80, level: 'critical' }],
    },
    {
      id: 'ciq-support',
      title: 'Support calls in queue',
      statistic: 'Current_In_Queue',
      object: { type: 'Queue', id: 'support' },
      format: 'count',
      layout: { x: 6, y: 0, w: 6, h: 3 },
    },
  ],
};

const HOSTILE_TITLE = '<img src=x onerror=window.__pwned=1>';

const firstTile = IMPORTED.tiles[0];

/** Files the import must refuse, each with the field its message must name. */
const REFUSED: readonly { readonly name: string; readonly content: string; readonly field: string }[] = [
  {
    name: 'too-wide.json',
    content: JSON.stringify({ ...IMPORTED, tiles: [{ ...firstTile, layout: { x: 4, y: 0, w: 9, h: 2 } }] }),
    field: 'tiles[0].layout.w',
  },
  { name: 'unknown-key.json', content: JSON.stringify({ ...IMPORTED, tiles: [{ ...firstTile, colour: 'red' }] }), field: 'tiles[0].colour' },
  { name: 'not-json.json', content: '{ "version": 1, "id": "half-a-file", ', field: 'not JSON' },
  {
    // Markup in the title, and in two tile ids alike, which the refusal quotes back.
    name: 'hostile.json',
    content: JSON.stringify({ ...IMPORTED, id: 'hostile', title: HOSTILE_TITLE, tiles: [0, 1].map((y) => ({ ...firstTile, id: HOSTILE_TITLE, layout: { x: 0, y, w: 1, h: 1 } })) }),
    field: 'tiles[1].id',
  },
  { name: 'shipped-id.json', content: JSON.stringify({ ...IMPORTED, id: 'queues' }), field: 'id' },
];

async function importFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByTestId('board-import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

async function tabIds(page: Page): Promise<readonly (string | null)[]> {
  return page.getByTestId('board-tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-board')));
}

/** Subscription changes the app asks of the Statistics API (a re-subscribe would show here). */
function isSubscriptionChange(request: Request): boolean {
  return request.url().includes('/statistics/v3/subscriptions') && ['POST', 'DELETE'].includes(request.method());
}

test.describe('board import', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test('should add a valid board file after the shipped boards, open it live, and keep it over a reload', async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await signIn(page);
    await expect(page.getByTestId('board-tab')).toHaveCount(3);
    const shipped = await tabIds(page);

    await importFile(page, 'imported-floor.json', JSON.stringify(IMPORTED));

    const tab = page.locator('[data-testid="board-tab"][data-board="imported-floor"]');
    await expect(tab).toHaveText('Imported floor');
    await expect(tab).toHaveAttribute('aria-current', 'page');
    expect(await tabIds(page)).toEqual([...shipped, 'imported-floor']);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'imported-floor');
    expect(new URL(page.url()).searchParams.get('board')).toBe('imported-floor');
    await expect(page.getByTestId('tile')).toHaveCount(2);
    await expectEveryTile(page, 'live', 15_000);
    await expectOneSessionHoldingTheBoard(page);
    await expect(page.getByTestId('board-import-error')).toHaveCount(0);

    // Boards only in localStorage, under the one key, beside the sign-in memory: never a token.
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored.map(([key]) => key).sort()).toEqual([SIGNED_IN_MEMORY_KEY, 'wallboard.boards.v1']);
    expect(JSON.stringify(stored)).not.toMatch(/token|eyJ/i);

    // A reload signs in on its own (the person did not sign out) and still has the board.
    await page.reload();
    await expectSignedInOnItsOwn(page);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'imported-floor');
    expect(await tabIds(page)).toEqual([...shipped, 'imported-floor']);
    await expect(page.getByTestId('tile')).toHaveCount(2);
    await expectEveryTile(page, 'live', 15_000);
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  });

  test('should refuse a broken or hostile file naming the bad field, leaving the board, its tiles and its subscriptions as they were', async ({ page }, testInfo) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await signIn(page);
    const board = page.getByTestId('board');
    await expect(board).toHaveAttribute('data-board', 'queues');
    await expectEveryTile(page, 'live', 15_000);
    await expectOneSessionHoldingTheBoard(page);
    const url = page.url();
    const tabsBefore = await tabIds(page);
    const statisticsOnBoard = await distinctBoardStatistics(page);
    const before = await sessions(page);

    const subscriptionChanges: string[] = [];
    page.on('request', (request) => {
      if (isSubscriptionChange(request)) subscriptionChanges.push(`${request.method()} ${request.url()}`);
    });

    const alert = page.getByTestId('board-import-error');
    for (const file of REFUSED) {
      await importFile(page, file.name, file.content);
      await expect(alert).toBeVisible();
      await expect(alert).toHaveAttribute('role', 'alert');
      await expect(alert).toContainText('Board file refused — ');
      await expect(alert).toContainText(file.field);
      if (file.name === 'hostile.json') {
        // The message quotes the hostile value: as text, never as an element.
        await expect(alert).toContainText(HOSTILE_TITLE);
        await page.screenshot({ path: testInfo.outputPath('board-import-refused.png') });
      }

      // Untouched: same board, same address, same tabs, every tile still live.
      await expect(board).toHaveAttribute('data-board', 'queues');
      expect(page.url()).toBe(url);
      expect(await tabIds(page)).toEqual(tabsBefore);
      await expectEveryTile(page, 'live', 5_000);
      expect(await distinctBoardStatistics(page)).toBe(statisticsOnBoard);

      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await expect(alert).toHaveCount(0);
    }

    // The server holds the same session and statistics; the app changed no subscription.
    const after = await sessions(page);
    expect(after.statistics).toBe(before.statistics);
    expect(after.sessions.map((s) => [s.id, s.statistics])).toEqual(before.sessions.map((s) => [s.id, s.statistics]));
    expect(subscriptionChanges).toEqual([]);

    // No board was kept: the only thing in localStorage is the sign-in memory.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([SIGNED_IN_MEMORY_KEY]);
    await expect(page.locator('img[src="x"], [onerror]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  });
});
