import { expect, test } from '../support/fixtures.ts';
import { expectEveryTile } from '../support/faults.ts';
import { expectNoSignInPage, markPage, pageWasNotReloaded, signInKiosk } from '../support/kiosk.ts';

// Issue 6, last resorts: a heap past its bound, or an uncaught error, makes the kiosk reload
// itself — and it comes back to the same board and playlist position, signed in, live.

/** Chrome's performance.memory, reporting whatever the spec sets in `window.__fakeHeapBytes`. */
function fakeHeap(): void {
  const real = performance;
  Object.defineProperty(real, 'memory', {
    configurable: true,
    get: () => ({
      usedJSHeapSize: (window as unknown as { __fakeHeapBytes?: number }).__fakeHeapBytes ?? 20 * 1024 * 1024,
      jsHeapSizeLimit: 4 * 1024 * 1024 * 1024,
      totalJSHeapSize: 40 * 1024 * 1024,
    }),
  });
}

const PLAYLIST = '/kiosk?playlist=queues,skills&interval=3600&at=1';

test.describe('kiosk soft reloads', () => {
  test('should reload itself when the heap passes its bound, back on the same board and position', async ({ page }) => {
    await page.addInitScript(fakeHeap);
    await signInKiosk(page, PLAYLIST);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'skills');
    await markPage(page);

    const reloaded = page.waitForEvent('load', { timeout: 15_000 });
    await page.evaluate(() => {
      (window as unknown as { __fakeHeapBytes?: number }).__fakeHeapBytes = 2 * 1024 * 1024 * 1024;
    });
    await reloaded;
    expect(await pageWasNotReloaded(page)).toBe(false);
    await expect(page).toHaveURL(/playlist=queues%2Cskills.*at=1|at=1.*playlist/);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'skills', { timeout: 15_000 });
    await expectEveryTile(page, 'live', 15_000);
    await expectNoSignInPage(page);
  });

  test('should reload itself after an uncaught error, signed in and live again', async ({ page }) => {
    await signInKiosk(page, PLAYLIST);
    await markPage(page);
    const reloaded = page.waitForEvent('load', { timeout: 15_000 });
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('a bug that broke the page');
      }, 0);
    });
    await reloaded;
    expect(await pageWasNotReloaded(page)).toBe(false);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'skills', { timeout: 15_000 });
    await expectEveryTile(page, 'live', 15_000);
    await expectNoSignInPage(page);
  });
});
