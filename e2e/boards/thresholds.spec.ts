import type { Locator, Page } from '@playwright/test';
import { expect, testWithOwnMock as test } from '../support/fixtures.ts';
import { mockAdmin, setAgentStatus } from '../support/mock-admin.ts';
import { setClock, signIn, snapshot } from '../support/sign-in.ts';

/**
 * Issue 8: a threshold with a hysteresis band, driven by scripted calls on the mock's paused
 * clock. The shipped Queues board warns when Current_In_Queue is above 3 (critical above 6);
 * a count's default band is 1 call, so a queue that went to 4 stays amber at 3 and clears at 2.
 */
test.use({ mockArgs: ['--no-traffic'] });

const QUEUE = 'vip';
const SKILL = 'retention';

/** Nobody takes the queue's calls, so each scripted call waits until its patience runs out. */
async function emptyTheFloor(page: Page): Promise<void> {
  const { agents } = await snapshot(page);
  for (const agent of agents) {
    if (!agent.skills.includes(SKILL) || agent.state === 'LoggedOut') continue;
    await setAgentStatus(page, agent.id, 'NotReadyForNextCall');
  }
}

/** Every tile of the queue (its stat tile and its table cell) shows the value at the level. */
async function expectEvery(tiles: Locator, value: string, level: string): Promise<void> {
  for (const tile of await tiles.all()) {
    await expect(tile).toHaveAttribute('data-value', value, { timeout: 15_000 });
    await expect(tile).toHaveAttribute('data-level', level);
  }
}

test('should warn when calls in queue cross the threshold, hold through a wiggle inside the band, and clear past it', async ({ page }) => {
  await signIn(page);
  await setClock(page, { paused: true });
  await emptyTheFloor(page);
  const tiles = page.locator(`[data-testid="tile"][data-stat="Current_In_Queue"][data-object-type="queue"][data-object-id="${QUEUE}"]`);
  // The queue's stat tile and its row's cell in the table: both are checked at every step.
  await expect(tiles).toHaveCount(2, { timeout: 15_000 });
  await setClock(page, { advanceMs: 10_000 });
  await expectEvery(tiles, '0', 'ok');

  // Current_In_Queue is notified every 10 s of simulated time: each step below moves the clock 10 s.
  // Four calls: two give up after 25 and 55 s of waiting, two wait for an hour.
  for (const patienceMs of [25_000, 55_000, 3_600_000, 3_600_000]) await mockAdmin(page, 'POST', 'calls', { queueId: QUEUE, patienceMs });
  await setClock(page, { advanceMs: 10_000 });
  await expectEvery(tiles, '4', 'warning');
  // The stat tile says since when (a table cell has no room for it).
  const since = tiles.getByTestId('breached-since');
  await expect(since).toHaveCount(1);
  await expect(since).toHaveText(/^since \d{1,2}:\d{2}/);
  const sinceText = (await since.textContent()) ?? '';
  // From here until the breach ends, every level any of the queue's tiles takes is recorded.
  await tiles.evaluateAll((els) => {
    const seen: string[] = [];
    (window as unknown as { levelsSeen: string[] }).levelsSeen = seen;
    const observer = new MutationObserver((records) => {
      for (const r of records) seen.push((r.target as Element).getAttribute('data-level') ?? '');
    });
    for (const el of els) observer.observe(el, { attributes: true, attributeFilter: ['data-level'] });
  });

  // t = 30 s: the first gave up. 3 is not above 3, but it is inside the band: amber, the breach time kept.
  await setClock(page, { advanceMs: 20_000 });
  await expectEvery(tiles, '3', 'warning');
  await expect(since).toHaveText(sinceText);

  // A wiggle: one more call (gives up after 12 s) makes 4 at t = 40 s and 3 again at t = 50 s; amber throughout.
  await mockAdmin(page, 'POST', 'calls', { queueId: QUEUE, patienceMs: 12_000 });
  await setClock(page, { advanceMs: 10_000 });
  await expectEvery(tiles, '4', 'warning');
  await setClock(page, { advanceMs: 10_000 });
  await expectEvery(tiles, '3', 'warning');
  await expect(since).toHaveText(sinceText);

  expect(await page.evaluate(() => (window as unknown as { levelsSeen: string[] }).levelsSeen)).toEqual([]);

  // t = 60 s: the second gave up. 2 is past the band: the breach ends.
  await setClock(page, { advanceMs: 10_000 });
  await expectEvery(tiles, '2', 'ok');
  await expect(since).toHaveCount(0);
  expect(new Set(await page.evaluate(() => (window as unknown as { levelsSeen: string[] }).levelsSeen))).toEqual(new Set(['ok']));
  await setClock(page, { paused: false });
});
