import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '../support/fixtures.ts';
import { expectEveryTile, startClean } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 8, "What it must show": build a board from scratch with the editor (three kinds of tile, one
// aggregate, one threshold) as a new user would, reload, it is still there; export it, delete it,
// import the file, it is back and live; import a broken file, see the error, the old board unchanged.

const BOARD = 'board';

function tab(page: Page, id: string): Locator {
  return page.locator(`[data-testid="board-tab"][data-board="${id}"]`);
}

async function layoutOf(tile: Locator): Promise<readonly number[]> {
  return tile.evaluate((el) => ['x', 'y', 'w', 'h'].map((k) => Number(el.getAttribute(`data-${k}`))));
}

async function boardAction(page: Page, item: 'edit' | 'export' | 'delete'): Promise<void> {
  await page.getByTestId('board-menu').click();
  await page.getByTestId(`board-${item}`).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

async function startTile(page: Page, kind: string): Promise<Locator> {
  await page.getByTestId('editor-add-tile').click();
  const form = page.getByTestId('tile-form');
  await form.locator(`[data-testid="tile-kind"][data-kind="${kind}"]`).check();
  return form;
}

function option(form: Locator, id: string): Locator {
  return form.locator(`[data-testid="object-option"][data-object="${id}"]`);
}

test.describe('the board editor', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test('should build a board from scratch, keep it over a reload, and survive export, delete, import and a broken import', async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await signIn(page);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'queues');

    // A new, empty board of one's own opens in the editor.
    await page.getByTestId('board-new').click();
    await expect(page.getByTestId('board-editor')).toBeVisible();
    await expect(page.getByTestId('editor-empty')).toBeVisible();
    expect(new URL(page.url()).searchParams.get('edit')).toBe('1');
    await page.getByLabel('Board title').fill('Sales floor');
    await page.getByLabel('Board title').press('Enter');
    await expect(tab(page, BOARD)).toHaveText('Sales floor');

    // 1. A number: calls waiting in the VIP queue, with a warning threshold.
    let form = await startTile(page, 'stat');
    await form.getByTestId('object-filter').fill('vi');
    await expect(form.getByTestId('object-option')).toHaveCount(2); // "Every queue" and VIP
    await option(form, 'vip').check();
    await form.getByTestId('tile-statistic').selectOption('Current_In_Queue');
    await expect(form.getByTestId('statistic-meaning')).toHaveText(/waiting/i);
    // The statistic's defaults are filled in; this supervisor wants a lower line.
    await expect(form.getByTestId('threshold-warning')).toBeChecked();
    await form.getByTestId('threshold-critical').uncheck();
    await form.getByTestId('threshold-warning-value').fill('3');
    await form.getByTestId('tile-title').fill('VIP waiting');
    await form.getByTestId('tile-form-submit').click();
    await expect(page.getByTestId('editor-tile')).toHaveCount(1);
    const statTile = page.getByTestId('editor-tile').first();
    await expect(statTile).toHaveAttribute('aria-label', /VIP waiting/);

    // 2. An aggregate: the service level of three queues, weighted by answered calls.
    form = await startTile(page, 'aggregate');
    for (const id of ['sales', 'support', 'billing']) await option(form, id).check();
    await form.getByTestId('tile-statistic').selectOption('ServiceLevel');
    await expect(form.getByTestId('statistic-meaning')).toHaveText(/answered within/i);
    await form.getByTestId('tile-combine').selectOption('sum');
    await form.getByTestId('tile-form-submit').click();
    // A sum of percentages is refused with the field named, and nothing is added.
    await expect(form.getByTestId('tile-form-error')).toHaveAttribute('data-path', 'combine');
    await expect(page.getByTestId('editor-tile')).toHaveCount(1);
    await form.getByTestId('tile-combine').selectOption('weighted-mean');
    await expect(form.getByTestId('combine-meaning')).toHaveText(/weighted by answered calls/);
    await form.getByTestId('tile-form-submit').click();
    await expect(page.getByTestId('editor-tile')).toHaveCount(2);

    // 3. A table of every skill: ready agents and service level.
    form = await startTile(page, 'table');
    await form.getByTestId('tile-source').selectOption('skill');
    await form.locator('[data-testid="table-column"][data-statistic="CurrentReadyAgents"]').check();
    await form.locator('[data-testid="table-column"][data-statistic="ServiceLevel"]').check();
    await form.getByTestId('tile-form-submit').click();
    await expect(page.getByTestId('editor-tile')).toHaveCount(3);

    // Mouse: drag the aggregate to the far right of the top row, making room beside the number.
    const aggregate = page.locator('[data-testid="editor-tile"][data-tile^="servicelevel"]');
    const grid = await page.getByTestId('editor-grid').boundingBox();
    const box = await aggregate.boundingBox();
    if (!grid || !box) throw new Error('no layout');
    const cell = grid.width / 12;
    const [, , aggW] = await layoutOf(aggregate);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const targetX = grid.x + (12 - (aggW ?? 3)) * cell + (box.width / 2);
    await page.mouse.move(targetX, box.y + box.height / 2, { steps: 8 });
    await expect(page.getByTestId('editor-ghost')).toHaveAttribute('data-free', 'true');
    await page.mouse.up();
    await expect.poll(async () => (await layoutOf(aggregate))[0]).toBe(12 - (aggW ?? 3));

    // Keyboard: move the number one column right, widen it by one, undo both, redo one.
    const before = await layoutOf(statTile);
    const [x0 = 0, y0 = 0, w0 = 0, h0 = 0] = before;
    await statTile.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => layoutOf(statTile)).toEqual([x0 + 1, y0, w0, h0]);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => layoutOf(statTile)).toEqual([x0 + 1, y0, w0 + 1, h0]);
    await expect(page.getByTestId('editor-status')).toHaveText(/VIP waiting: column \d+, row \d+, \d+ wide, \d+ high/);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => layoutOf(statTile)).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => layoutOf(statTile)).toEqual([x0 + 1, y0, w0, h0]);
    // Into another tile is refused and said, not applied.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('editor-status')).toHaveText(/cannot move that way/);
    await expect.poll(() => layoutOf(statTile)).toEqual([x0 + 1, y0, w0, h0]);

    await page.screenshot({ path: testInfo.outputPath('editor.png') });
    await page.getByTestId('editor-done').click();
    await expect(page.getByTestId('board')).toHaveAttribute('data-editing', 'false');
    await expectEveryTile(page, 'live', 20_000);
    const vip = page.locator('[data-testid="tile"][data-stat="Current_In_Queue"][data-object-id="vip"]');
    await expect(vip).toHaveCount(1);
    await expect(vip).not.toHaveAttribute('data-level', 'none');
    const tileCount = await page.getByTestId('tile').count();

    // A new page load (signed in on its own: the person did not sign out) keeps the board as it was built.
    expect(await signIn(page, { at: `/?board=${BOARD}` })).toBe('on-its-own');
    await expect(tab(page, BOARD)).toHaveText('Sales floor');
    await expectEveryTile(page, 'live', 20_000);
    await expect(page.getByTestId('tile')).toHaveCount(tileCount);

    // Export, delete, import: back and live.
    const downloading = page.waitForEvent('download');
    await boardAction(page, 'export');
    const file = await (await downloading).path();
    const exported = await readFile(file, 'utf8');
    await boardAction(page, 'delete');
    await page.getByTestId('board-delete-confirm').click();
    await expect(tab(page, BOARD)).toHaveCount(0);
    await page.getByTestId('board-import-input').setInputFiles({ name: 'board.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(tab(page, BOARD)).toHaveText('Sales floor');
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', BOARD);
    await expectEveryTile(page, 'live', 20_000);
    await expect(page.getByTestId('tile')).toHaveCount(tileCount);

    // A broken file is refused with the field named; the board on screen stays as it was.
    const broken = JSON.parse(exported) as { tiles: { thresholds?: { level: string }[] }[] };
    const withThreshold = broken.tiles.findIndex((t) => t.thresholds !== undefined);
    const threshold = broken.tiles[withThreshold]?.thresholds?.[0];
    if (!threshold) throw new Error('the exported board lost its threshold');
    threshold.level = 'severe';
    await page.getByTestId('board-import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(page.getByTestId('board-import-error')).toContainText(`tiles[${withThreshold}].thresholds[0].level`);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', BOARD);
    await expect(page.getByTestId('tile')).toHaveCount(tileCount);
    await expectEveryTile(page, 'live', 10_000);

    // Editing it again opens the same tiles in the editor.
    await page.getByTestId('board-import-dismiss').click();
    await boardAction(page, 'edit');
    await expect(page.getByTestId('editor-tile')).toHaveCount(3);
    expect(pageErrors).toEqual([]);
  });
});
