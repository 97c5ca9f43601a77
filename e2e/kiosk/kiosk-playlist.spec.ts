import { expect, test, type Page } from '../support/fixtures.ts';
import { expectEveryTile } from '../support/faults.ts';
import { signInKiosk } from '../support/kiosk.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 6: playlist rotation at the interval, with a visible progress indicator; a board that
// fails to load is skipped, not shown as an error forever; the position survives a reload.

const INTERVAL_S = 5;

/** Records when the board on screen changes, in the page's own clock. */
async function watchRotations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: { board: string; at: number }[] = [];
    (window as unknown as { __rotations: typeof log }).__rotations = log;
    const board = document.querySelector('[data-testid="board"]');
    if (!board) throw new Error('no board');
    log.push({ board: board.getAttribute('data-board') ?? '', at: performance.now() });
    new MutationObserver(() => log.push({ board: board.getAttribute('data-board') ?? '', at: performance.now() })).observe(board, {
      attributes: true,
      attributeFilter: ['data-board'],
    });
  });
}

function rotations(page: Page): Promise<{ board: string; at: number }[]> {
  return page.evaluate(() => (window as unknown as { __rotations: { board: string; at: number }[] }).__rotations);
}

test.describe('kiosk playlist', () => {
  test('should rotate through the boards at the interval, skipping one that cannot be loaded, with a progress bar', async ({ page }) => {
    test.setTimeout(90_000);
    // Signed in on one board first, so the playlist starts its first interval when its page loads
    // (the kiosk signs itself in again from the kept token) and not while a person signs in: on a
    // busy machine that can take longer than an interval.
    await signInKiosk(page, '/kiosk?board=queues');
    await page.goto(`/kiosk?playlist=queues,no-such-board,skills,agents&interval=${INTERVAL_S}`);
    await page.getByTestId('board').waitFor();
    await watchRotations(page);
    await expect(page.getByTestId('playlist-progress')).toBeVisible();

    // The first board, round once and back to it.
    await expect.poll(async () => (await rotations(page)).map((r) => r.board), { timeout: 4 * INTERVAL_S * 1000 + 10_000 }).toEqual(['queues', 'skills', 'agents', 'queues']);
    await expect(page.getByTestId('kiosk-position')).toHaveText('1 / 4');
    const log = await rotations(page);
    const gaps = log.slice(2).map((r, i) => r.at - (log[i + 1]?.at ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThan(INTERVAL_S * 1000 - 250);
      expect(gap).toBeLessThan(INTERVAL_S * 1000 + 1500);
    }
    // The unknown board never showed, and no error is on screen.
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Each board went live when shown: the playlist is subscribed as a whole.
    await expectEveryTile(page, 'live', 5000);
  });

  test('should come back to the same position after a reload', async ({ page }) => {
    await signInKiosk(page, `/kiosk?playlist=queues,skills&interval=60&at=1`);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'skills');
    await expect(page).toHaveURL(/at=1/);
    await page.reload();
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'skills');
    await expectEveryTile(page, 'live', 15_000);
    await expect(page.getByTestId('kiosk-position')).toHaveText('2 / 2');
  });

  test('should say so when no board of the playlist can be shown', async ({ page }) => {
    await signIn(page, { at: '/kiosk?playlist=nothing-here,nor-here', user: 'kiosk' });
    await expect(page.getByRole('alert')).toContainText('None of the boards of this kiosk can be shown');
  });

  test('should show the health overlay on the h key and with &health', async ({ page }) => {
    await signInKiosk(page, '/kiosk?board=queues');
    await expect(page.getByTestId('health-overlay')).toHaveCount(0);
    await page.keyboard.press('h');
    const overlay = page.getByTestId('health-overlay');
    await expect(overlay).toBeVisible();
    await expect(page.getByTestId('health-connection')).toHaveText('live');
    await expect(page.getByTestId('health-subscriptions')).toHaveText(/^[1-9]\d*$/);
    await expect(page.getByTestId('health-dropped')).toHaveText('0');
    await expect(page.getByTestId('health-last-notification')).toHaveText(/^\d+ s ago$/);
    await expect(page.getByTestId('health-heap')).toHaveText(/MB of/);
    await expect(page.getByTestId('health-uptime')).toHaveText(/^\d+ (s|min)/);
    await expect(page.getByTestId('health-version')).toHaveText(/^\d+\.\d+\.\d+$/);
    await page.keyboard.press('h');
    await expect(overlay).toHaveCount(0);

    await page.goto('/kiosk?board=queues&health');
    await expect(page.getByTestId('health-overlay')).toBeVisible({ timeout: 15_000 });
  });
});
