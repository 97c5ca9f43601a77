import { expect, test } from '../support/fixtures.ts';
import { clearAllFaults, expectEveryTile, expectOneSessionHoldingTheBoard, injectFaults, selectBoard, startClean } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 5, fault "2 s added latency on every call": still live; no duplicate subscriptions created.
test.describe('fault: 2 s of added latency on every call', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test('should go live after board switches, holding exactly the current board on the server', async ({ page }) => {
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);

    await injectFaults(page, { latencyMs: 2000 });
    await selectBoard(page, 'skills');
    await expectEveryTile(page, 'live', 20_000);
    await expectOneSessionHoldingTheBoard(page, 20_000);
    // Back, away and back again quickly, while the slow calls of each switch are still in flight.
    await selectBoard(page, 'queues');
    await selectBoard(page, 'skills');
    await selectBoard(page, 'queues');
    // Each REST call and every CometD round trip now takes 2 s more: allow a few of them.
    await expectEveryTile(page, 'live', 20_000);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    // Eventually the server holds one session with exactly the statistics of the board on screen:
    // the skills board's subscription was closed, none was created twice.
    await expectOneSessionHoldingTheBoard(page, 20_000);
  });
});
