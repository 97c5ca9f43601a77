import { expect, test } from '../support/fixtures.ts';
import { clearAllFaults, connectionState, countNotInStatus, expectEveryTile, observeFor, expectOneSessionHoldingTheBoard, startClean } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 5, fault "the browser goes offline for 60 s (Playwright setOffline)": reconnecting, then
// live without a reload; reconnecting with every tile stale all along the 60 s.
const OFFLINE_MS = 60_000;
test.describe('fault: the browser goes offline', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test.afterEach(async ({ page, context }) => {
    await context.setOffline(false);
    await clearAllFaults(page);
  });

  test('should show reconnecting with stale tiles for 60 s, then be live again without a reload', async ({ page, context }) => {
    test.setTimeout(150_000);
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);
    const url = page.url();
    await page.evaluate(() => {
      (window as unknown as { __marker?: number }).__marker = 1;
    });

    await context.setOffline(true);
    const offlineAt = Date.now();
    // The CometD long poll has to fail or time out first: allow its timeouts.
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'reconnecting', { timeout: 40_000 });
    await expectEveryTile(page, 'stale', 5000);
    const seen = new Set<string>();
    await observeFor(OFFLINE_MS - (Date.now() - offlineAt), async () => {
      seen.add(`header:${(await connectionState(page)) ?? 'none'}`);
      if ((await countNotInStatus(page, 'stale')) > 0) seen.add('tile-not-stale');
    });
    expect([...seen]).toEqual(['header:reconnecting']);

    await context.setOffline(false);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await expectEveryTile(page, 'live', 15_000);

    // No reload: same address, and what the page held before is still there.
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    // The session the offline page could not close ends on the server; ours is the only one left.
    await expectOneSessionHoldingTheBoard(page, 30_000);
  });
});
