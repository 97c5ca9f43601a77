import { expect, test } from '../support/fixtures.ts';
import { seriousViolations } from '../support/axe.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 8: "the editor is usable with the keyboard alone and passes axe-core checks with no serious
// or critical violations". Every step below is a key press on the element focus would be on.

test('should build and arrange a tile with the keyboard alone, with no serious or critical axe violation on the way', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.getByTestId('board-new').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-editor')).toBeVisible();
  expect(await seriousViolations(page), 'empty editor').toEqual([]);

  await page.getByTestId('editor-add-tile').focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('tile-form');
  await expect(form).toBeVisible();
  // "Number" is the kind a new tile starts as; the arrow keys move through the kinds like any radio group.
  const kinds = form.getByTestId('tile-kind');
  await kinds.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(form.locator('[data-testid="tile-kind"][data-kind="aggregate"]')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(form.locator('[data-testid="tile-kind"][data-kind="stat"]')).toBeChecked();

  await form.getByTestId('object-filter').focus();
  await page.keyboard.type('vip');
  const vip = form.locator('[data-testid="object-option"][data-object="vip"]');
  await vip.focus();
  await page.keyboard.press('Space');
  await expect(vip).toBeChecked();
  // A closed select takes type-ahead, as on every desktop browser.
  await form.getByTestId('tile-statistic').focus();
  await page.keyboard.type('In queue');
  await expect(form.getByTestId('tile-statistic')).toHaveValue('Current_In_Queue');
  await expect(form.getByTestId('statistic-meaning')).toHaveText(/waiting/i);
  expect(await seriousViolations(page), 'new tile form').toEqual([]);
  await form.getByTestId('tile-form-submit').focus();
  await page.keyboard.press('Enter');

  const tile = page.getByTestId('editor-tile');
  await expect(tile).toHaveCount(1);
  await expect(page.getByTestId('editor-panel')).toBeVisible();
  expect(await seriousViolations(page), 'tile settings').toEqual([]);

  await tile.focus();
  await page.keyboard.press('ArrowDown');
  await expect(tile).toHaveAttribute('data-y', '1');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(tile).toHaveAttribute('data-w', '4');
  await page.keyboard.press('Delete');
  await expect(tile).toHaveCount(0);
  await expect(page.getByTestId('editor-status')).toHaveText(/deleted\. Undo brings it back/);
  await page.keyboard.press('Control+z');
  await expect(tile).toHaveCount(1);
  await expect(tile).toHaveAttribute('data-w', '4');

  await page.getByTestId('editor-done').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board')).toHaveAttribute('data-editing', 'false');
  await expect(page.locator('[data-testid="tile"][data-stat="Current_In_Queue"]')).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
});
