import { expect, test } from '../support/fixtures.ts';
import {
  clearAllFaults,
  distinctBoardStatistics,
  expectEveryTile,
  expectOneSessionHoldingTheBoard,
  injectFaults,
  sessions,
  startClean,
  tiles,
} from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 5, fault "a subscription for a statistic the server refuses": that tile shows an error with
// the server's reason; the rest of the board is live. The mock refuses the statistic through the
// admin fault `refuseStatistics` (a mock addition): a per-statistic error in `errors[]` of a
// partially successful create (status code 2).
const REFUSED = 'LongestIdleTime';
const REASON = /not permitted for this tenant/;

test.describe('fault: the server refuses one statistic', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
    await injectFaults(page, { refuseStatistics: [REFUSED] });
  });

  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test("should show the refused statistic's tiles in error with the server's reason, and the rest of the board live", async ({ page }) => {
    await signIn(page);
    const refused = page.locator(`[data-testid="tile"][data-stat="${REFUSED}"]`);
    const others = page.locator(`[data-testid="tile"]:not([data-stat="${REFUSED}"])`);
    await expect(refused.first()).toBeVisible({ timeout: 15_000 });

    await expect
      .poll(() => refused.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') !== 'error').length), { timeout: 10_000 })
      .toBe(0);
    for (const tile of await refused.all()) {
      await expect(tile).toHaveAttribute('data-value', '');
      await expect(tile).toContainText(REASON);
    }
    await expect
      .poll(() => others.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') !== 'live').length), { timeout: 10_000 })
      .toBe(0);
    expect(await others.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live');

    // The server holds every statistic of the board but the refused ones, in one session.
    const refusedStatistics = new Set(
      await refused.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-object-type')}|${e.getAttribute('data-object-id')}`)),
    ).size;
    const expected = (await distinctBoardStatistics(page)) - refusedStatistics;
    await expect
      .poll(async () => {
        const report = await sessions(page);
        return { sessions: report.sessions.length, statistics: report.sessions[0]?.statistics };
      })
      .toEqual({ sessions: 1, statistics: expected });
    expect(await tiles(page).count()).toBeGreaterThan(refusedStatistics);

    // Once the server accepts it again, a new subscription brings the whole board live: leave for
    // the agents board (which does not show the statistic, so the app lets it go), then come back.
    await clearAllFaults(page);
    await page.locator('[data-testid="board-tab"][data-board="agents"]').click();
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'agents');
    await expectEveryTile(page, 'live', 15_000);
    await expectOneSessionHoldingTheBoard(page);
    await page.locator('[data-testid="board-tab"][data-board="queues"]').click();
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'queues');
    await expect
      .poll(() => tiles(page).evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') !== 'live').length), { timeout: 10_000 })
      .toBe(0);
    await expectOneSessionHoldingTheBoard(page);
  });
});
