import { expect, test } from '@playwright/test';
import { clearAllFaults, expectEveryTile, expectOneSessionHoldingTheBoard, injectFaults, selectBoard, startClean } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 5, fault "30 % of REST calls answer 5xx for 60 s": retries with back-off and jitter; no
// crash; live afterwards. The spec does not hold the fault for 60 s: it switches boards under it
// until the app has met at least three injected 503s (and each board has gone live through them),
// which exercises the same retries in a fraction of the time.
const BOARDS = ['skills', 'agents', 'queues'] as const;
const MAX_SWITCHES = 12;
const ENOUGH_FAILURES = 3;

test.describe('fault: 30 % of REST calls answer 503', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test('should not crash while switching boards, and be live with nothing leaked once the fault clears', async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    let injected = 0;
    page.on('response', (r) => {
      if (r.status() === 503 && !new URL(r.url()).pathname.startsWith('/mock/')) injected++;
    });
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);

    await injectFaults(page, { httpErrorRate: 0.3 });
    for (let i = 0; i < MAX_SWITCHES && (i < BOARDS.length || injected < ENOUGH_FAILURES); i++) {
      await selectBoard(page, BOARDS[i % BOARDS.length] ?? 'queues');
      // Retries carry each board through the failures.
      await expectEveryTile(page, 'live', 20_000);
    }
    expect(injected, 'the app met injected 503s').toBeGreaterThanOrEqual(ENOUGH_FAILURES);

    await clearAllFaults(page);
    await selectBoard(page, 'queues');
    await expectEveryTile(page, 'live', 10_000);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
    await expectOneSessionHoldingTheBoard(page);
    expect(pageErrors).toEqual([]);
  });
});
