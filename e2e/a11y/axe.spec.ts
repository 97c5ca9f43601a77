import type { Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { signInKiosk } from '../support/kiosk.ts';
import { signIn } from '../support/sign-in.ts';

/**
 * Issue 8: the app passes axe-core with no serious or critical violation. Each page is checked
 * once its tiles are live, so the check sees what a person sees.
 */
async function everyTileLive(page: Page): Promise<void> {
  const tiles = page.getByTestId('tile');
  await expect(tiles.first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => tiles.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') !== 'live').length), { timeout: 15_000 }).toBe(0);
}

// Both themes, each as the system asks for it (the default 'system' choice follows it), so the
// light palette's contrast is checked as thoroughly as the dark one's.
for (const theme of ['dark', 'light'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('should have no serious or critical accessibility violation before signing in', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('should have no serious or critical accessibility violation on any shipped board', async ({ page }) => {
      await signIn(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const board of ['queues', 'skills', 'agents']) {
        await page.locator(`[data-testid="board-tab"][data-board="${board}"]`).click();
        await expect(page.getByTestId('board')).toHaveAttribute('data-board', board);
        await everyTileLive(page);
        expect(await seriousViolations(page), board).toEqual([]);
      }
    });

    test('should have no serious or critical accessibility violation in the kiosk', async ({ page }) => {
      // A kiosk is dark unless its address says otherwise (docs/kiosk.md).
      await signInKiosk(page, `/kiosk?board=queues&theme=${theme}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await everyTileLive(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
