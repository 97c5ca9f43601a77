import { expect, test } from '../support/fixtures.ts';
import { clearAllFaults, connectionState, countNotInStatus, expectEveryTile, observeFor, expectOneSessionHoldingTheBoard, setServiceState, startClean } from '../support/faults.ts';
import { setClock, signIn, snapshot } from '../support/sign-in.ts';

// Issue 5, fault "ServiceStateChange UNAVAILABLE, then AVAILABLE after 20 s": every tile stale
// within 2 s and the header unavailable, all along the 20 s; after AVAILABLE, subscriptions
// re-created and every tile live within 10 s, with the values of the ground truth.
const UNAVAILABLE_MS = 20_000;
test.describe('fault: the Statistics service becomes unavailable, then available again', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test('should mark every tile stale within 2 s and keep it so for 20 s, then re-subscribe and be live within 10 s with the ground truth', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);
    await expectOneSessionHoldingTheBoard(page);

    await setServiceState(page, 'UNAVAILABLE');
    const unavailableAt = Date.now();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'unavailable', { timeout: 2000 });
    await expectEveryTile(page, 'stale', 2000);
    const seen = new Set<string>();
    await observeFor(UNAVAILABLE_MS - (Date.now() - unavailableAt), async () => {
      seen.add(`header:${(await connectionState(page)) ?? 'none'}`);
      if ((await countNotInStatus(page, 'stale')) > 0) seen.add('tile-not-stale');
    });
    expect([...seen]).toEqual(['header:unavailable']);

    await setServiceState(page, 'AVAILABLE');
    await expectEveryTile(page, 'live', 10_000);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });

    // Values match the ground truth: freeze the floor and let one notification period pass.
    await setClock(page, { paused: true });
    await setClock(page, { advanceMs: 10_000 });
    const truth = await snapshot(page);
    expect(truth.queues.length).toBeGreaterThan(0);
    for (const queue of truth.queues) {
      const queueTiles = page.locator(`[data-testid="tile"][data-stat="Current_In_Queue"][data-object-type="queue"][data-object-id="${queue.id}"]`);
      await expect(queueTiles.first()).toBeVisible();
      for (const tile of await queueTiles.all()) {
        await expect(tile).toHaveAttribute('data-value', String(queue.waiting.length), { timeout: 5000 });
      }
    }

    // Subscriptions re-created once: one session, holding exactly the board's statistics.
    await expectOneSessionHoldingTheBoard(page);
  });
});
