import { expect, test } from '../support/fixtures.ts';
import { connectionState, countNotInStatus, expectEveryTile, observeFor, tiles } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';
import { disposeMockProcess, startMockProcess, stopMockProcess, type MockProcess } from '../support/mock-process.ts';

// Issue 5, fault "mock process killed and restarted (30 s down)": reconnecting while down, tiles
// stale with their age; live within 10 s of the restart, without a page reload. The worker's mock
// is shared by the specs of that worker, so this spec kills a mock process of its own.

const DOWN_MS = 30_000;

test.describe('fault: the mock process is killed and restarted after 30 s', () => {
  let mock: MockProcess;

  test.beforeEach(async () => {
    mock = await startMockProcess();
  });

  test.afterEach(async () => {
    // Whatever happened, no mock of ours is left running.
    await disposeMockProcess(mock);
  });

  test('should show reconnecting with stale tiles and their age while down, then live within 10 s of the restart without a reload', async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, { at: `${mock.baseURL}/` });
    await expectEveryTile(page, 'live', 15_000);
    const url = page.url();
    await page.evaluate(() => {
      (window as unknown as { __marker?: number }).__marker = 1;
    });

    await stopMockProcess(mock, 'SIGTERM');
    const killedAt = Date.now();

    // The CometD long poll fails at once against a closed port.
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'reconnecting', { timeout: 20_000 });
    await expectEveryTile(page, 'stale', 10_000);
    // A stale tile says how old its value is ("stale · 4s").
    await expect(tiles(page).and(page.locator('[data-status="stale"]')).first()).toContainText(/stale · \d+\s?[a-z]+/);

    // Down for the 30 s, and reconnecting (never live, nothing fresher than stale) all along.
    const seen = new Set<string>();
    await observeFor(DOWN_MS - (Date.now() - killedAt), async () => {
      seen.add(`header:${(await connectionState(page)) ?? 'none'}`);
      if ((await countNotInStatus(page, 'stale')) > 0) seen.add('tile-not-stale');
    });
    expect([...seen]).toEqual(['header:reconnecting']);

    // Same port, same state directory: the tokens the page holds are still good.
    mock = await startMockProcess({ port: mock.port, stateDir: mock.stateDir });
    const readyAt = mock.readyAt;
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
    await expect.poll(() => countNotInStatus(page, 'live'), { timeout: Math.max(1, 10_000 - (Date.now() - readyAt)), intervals: [100, 250] }).toBe(0);
    const recoveryMs = Date.now() - readyAt;
    test.info().annotations.push({ type: 'recovery', description: `restart ready → all tiles live in ${recoveryMs} ms` });
    console.info(`mock-restart: down ${readyAt - killedAt} ms; restart ready → all tiles live in ${recoveryMs} ms`);
    expect(recoveryMs).toBeLessThanOrEqual(10_000);

    // No reload, and no second sign-in: same address, what the page held is still there.
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  });
});
