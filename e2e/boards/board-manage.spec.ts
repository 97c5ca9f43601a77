import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '../support/fixtures.ts';
import { expectEveryTile, startClean } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 8: "Boards persist locally (survive reloads), can be duplicated, exported and imported as
// files in the board file format [of docs/boards.md], and opened as a kiosk URL with one click."
// A supervisor starts from the shipped Queues board: duplicate, export, delete, import it back,
// then put it on a TV by its kiosk link.

const COPY = 'queues-copy';

function tab(page: Page, id: string): ReturnType<Page['locator']> {
  return page.locator(`[data-testid="board-tab"][data-board="${id}"]`);
}

async function boardAction(page: Page, item: 'duplicate' | 'export' | 'copy-kiosk-link' | 'delete'): Promise<void> {
  await page.getByTestId('board-menu').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByTestId(`board-${item}`).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

async function expectBoardLive(page: Page, id: string): Promise<void> {
  await expect(page.getByTestId('board')).toHaveAttribute('data-board', id);
  await expectEveryTile(page, 'live', 15_000);
}

test.describe('managing own boards', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test('should duplicate the shipped Queues board, keep it over a reload, export, delete and import it back, and open its kiosk link', async ({ page, context, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await signIn(page);
    await expectBoardLive(page, 'queues');
    const queueTiles = await page.getByTestId('tile').count();

    // Duplicate: a copy of its own, opened at once and live.
    await boardAction(page, 'duplicate');
    await expect(tab(page, COPY)).toHaveText('Queues (copy)');
    await expect(tab(page, COPY)).toHaveAttribute('aria-current', 'page');
    await expect(tab(page, COPY)).toHaveAttribute('data-origin', 'local');
    expect(new URL(page.url()).searchParams.get('board')).toBe(COPY);
    await expectBoardLive(page, COPY);
    await expect(page.getByTestId('tile')).toHaveCount(queueTiles);

    // A new page load (signed in on its own: the person did not sign out) still has it.
    expect(await signIn(page, { at: `/?board=${COPY}` })).toBe('on-its-own');
    await expect(tab(page, COPY)).toHaveText('Queues (copy)');
    await expectBoardLive(page, COPY);

    // Export: a download of the board file, named after the board.
    const downloading = page.waitForEvent('download');
    await boardAction(page, 'export');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${COPY}.json`);
    const file = testInfo.outputPath(`${COPY}.json`);
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\{\n {2}"version": 2,\n {2}"id": "queues-copy",\n {2}"title": "Queues \(copy\)",/);
    const stored = await page.evaluate(() => localStorage.getItem('wallboard.boards.v1'));
    expect(JSON.parse(text)).toEqual((JSON.parse(stored ?? '{}') as { boards: unknown[] }).boards[0]);

    // Delete: asked first; then the tab is gone and another board is on screen, also after a reload.
    await boardAction(page, 'delete');
    const dialog = page.getByTestId('board-delete-dialog');
    await expect(dialog).toContainText('Delete “Queues (copy)”?');
    await expect(page.getByTestId('board-delete-cancel')).toBeFocused();
    await page.getByTestId('board-delete-confirm').click();
    await expect(dialog).toHaveCount(0);
    await expect(tab(page, COPY)).toHaveCount(0);
    await expectBoardLive(page, 'queues');
    expect(await signIn(page, { at: `/?board=${COPY}` })).toBe('on-its-own');
    await expect(page.getByTestId('board-tab')).toHaveCount(3);
    await expect(tab(page, COPY)).toHaveCount(0);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'queues');

    // Import the exported file through the Import button: back, opened and live.
    await page.getByTestId('board-import-input').setInputFiles(file);
    await expect(page.getByTestId('board-import-error')).toHaveCount(0);
    await expect(tab(page, COPY)).toHaveAttribute('aria-current', 'page');
    await expectBoardLive(page, COPY);

    // Copy kiosk link: on the clipboard, "Copied" on screen with the note about this browser.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? page.url()).origin });
    await boardAction(page, 'copy-kiosk-link');
    await expect(page.getByTestId('kiosk-link-copied')).toContainText('Copied');
    await expect(page.getByTestId('kiosk-link-local-hint')).toContainText('import the file there');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${new URL(page.url()).origin}/kiosk?board=${COPY}`);

    // The kiosk, in this browser, shows that very board (signed in on its own, as the same person).
    expect(await signIn(page, { at: link })).toBe('on-its-own');
    await expect(page.getByTestId('kiosk')).toBeVisible();
    await expectBoardLive(page, COPY);
    await expect(page.getByTestId('tile')).toHaveCount(queueTiles);
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  });

  test('should show the kiosk link selected in a field when the browser refuses the clipboard, and drive the menu by keyboard', async ({ page }) => {
    await page.addInitScript(() => {
      // As on a plain-http address: the page gets no clipboard at all.
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    });
    await signIn(page);
    await expectBoardLive(page, 'queues');

    await page.getByTestId('board-menu').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('board-edit')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(page.getByTestId('board-menu')).toBeFocused();

    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('board-copy-kiosk-link')).toBeFocused();
    await page.keyboard.press('Enter');

    const field = page.getByTestId('kiosk-link-field');
    await expect(field).toHaveValue(`${new URL(page.url()).origin}/kiosk?board=queues`);
    await expect(field).toBeFocused();
    const [start, end, length] = await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length]);
    expect([start, end]).toEqual([0, length]);
    // A shipped board is on every machine: no note about this browser.
    await expect(page.getByTestId('kiosk-link-local-hint')).toHaveCount(0);

    // Delete is offered but disabled for a shipped board.
    await page.getByTestId('board-menu').click();
    await expect(page.getByTestId('board-delete')).toHaveAttribute('aria-disabled', 'true');
  });
});
