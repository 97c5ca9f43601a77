import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { signInKiosk } from '../support/kiosk.ts';
import { signIn } from '../support/sign-in.ts';

/**
 * Issue 8: the app passes axe-core with no serious or critical violation. Each page is checked
 * once its tiles are live, so the check sees what a person sees.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function everyTileLive(page: Page): Promise<void> {
  const tiles = page.getByTestId('tile');
  await expect(tiles.first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => tiles.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') !== 'live').length), { timeout: 15_000 }).toBe(0);
}

test('should have no serious or critical accessibility violation before signing in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('should have no serious or critical accessibility violation on any shipped board', async ({ page }) => {
  await signIn(page);
  for (const board of ['queues', 'skills', 'agents']) {
    await page.locator(`[data-testid="board-tab"][data-board="${board}"]`).click();
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', board);
    await everyTileLive(page);
    expect(await seriousViolations(page), board).toEqual([]);
  }
});

test('should have no serious or critical accessibility violation in the kiosk', async ({ page }) => {
  await signInKiosk(page, '/kiosk?board=queues');
  await everyTileLive(page);
  expect(await seriousViolations(page)).toEqual([]);
});
