import { expect, test } from './support/fixtures.ts';
import { wallboardAgentState } from './support/agent-states.ts';
import { setClock, signIn, snapshot } from './support/sign-in.ts';

test.describe('the wallboard, signed in as a supervisor', () => {
  test.afterEach(async ({ page }) => {
    await setClock(page, { speed: 1, paused: false });
  });

  test('should sign in with no code or token left in the address bar, and show who is signed in', async ({ page }) => {
    await signIn(page);
    const url = new URL(page.url());
    for (const leaked of ['code', 'state', 'access_token', 'token']) expect(url.searchParams.has(leaked)).toBe(false);
    expect(url.hash).toBe('');
    await expect(page.getByTestId('user-name')).not.toBeEmpty();
    await expect(page.locator('[data-testid="tile"][data-status="live"]').first()).toBeVisible({ timeout: 15_000 });
  });

  test('should show all three boards live', async ({ page }) => {
    await signIn(page);
    for (const board of ['queues', 'skills', 'agents']) {
      await page.locator(`[data-testid="board-tab"][data-board="${board}"]`).click();
      await expect(page.getByTestId('board')).toHaveAttribute('data-board', board);
      const tiles = page.getByTestId('tile');
      await expect(tiles.first()).toBeVisible({ timeout: 15_000 });
      // Every tile of the board goes live; none stays loading, stale or in error.
      await expect
        .poll(async () => tiles.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') !== 'live').length), { timeout: 15_000 })
        .toBe(0);
      expect(await tiles.count()).toBeGreaterThan(board === 'agents' ? 39 : 5);
    }
    await expect(page.locator('[data-testid="tile"][data-stat="CurrentAgentState"]')).toHaveCount(40);
  });

  test('should show for every queue the calls in queue the ground truth has, within one notification period', async ({ page }) => {
    await signIn(page);
    // Freeze the floor, then let one notification period pass so every tile has caught up with it.
    await setClock(page, { paused: true });
    await setClock(page, { advanceMs: 10_000 });
    const truth = await snapshot(page);
    expect(truth.queues).toHaveLength(6);
    for (const queue of truth.queues) {
      const tiles = page.locator(`[data-testid="tile"][data-stat="Current_In_Queue"][data-object-type="queue"][data-object-id="${queue.id}"]`);
      await expect(tiles.first()).toBeVisible();
      for (const tile of await tiles.all()) {
        await expect(tile).toHaveAttribute('data-value', String(queue.waiting.length), { timeout: 5000 });
      }
    }
  });

  test('should show every agent in the state the ground truth has, in the wallboard\'s words, within one notification period', async ({ page }) => {
    await signIn(page);
    await page.locator('[data-testid="board-tab"][data-board="agents"]').click();
    const agentTiles = page.locator('[data-testid="tile"][data-stat="CurrentAgentState"][data-object-type="agent"]');
    await expect(agentTiles).toHaveCount(40, { timeout: 15_000 });
    await setClock(page, { paused: true });
    await setClock(page, { advanceMs: 10_000 });
    const truth = await snapshot(page);
    expect(truth.agents).toHaveLength(40);
    // The simulation moves agents through several states; a floor all in one would prove little.
    expect(new Set(truth.agents.map((agent) => agent.state)).size).toBeGreaterThan(2);
    for (const agent of truth.agents) {
      const tile = agentTiles.and(page.locator(`[data-object-id="${agent.id}"]`));
      await expect(tile).toHaveAttribute('data-source', 'genesys-v3');
      await expect(tile).toHaveAttribute('data-value', wallboardAgentState(agent.state), { timeout: 5000 });
    }
  });

  test('should show values that change over time at speed 20', async ({ page }) => {
    await signIn(page);
    const read = (): Promise<string> =>
      page
        .locator('[data-testid="tile"][data-stat="Total_Answered"], [data-testid="tile"][data-stat="LongestIdleTime"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')).join(','));
    await expect.poll(read, { timeout: 15_000 }).toMatch(/\d/);
    const before = await read();
    await setClock(page, { speed: 20 });
    await expect.poll(read, { timeout: 20_000 }).not.toBe(before);
  });

  test('should return to the sign-in page on sign-out', async ({ page }) => {
    await signIn(page);
    await page.getByTestId('sign-out').click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('tile')).toHaveCount(0);
  });

  test('should refuse a callback whose state was forged', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/auth\/v3\/oauth\/authorize/);
    // An attacker's link: the same authorization request with another state.
    const forged = new URL(page.url());
    forged.searchParams.set('state', 'forged-by-someone-else');
    await page.goto(forged.toString());
    await page.locator('input[name="username"]').fill('supervisor');
    await page.locator('input[name="password"]').fill('supervisor');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByTestId('sign-in-reason')).toHaveAttribute('data-reason', 'state-mismatch');
    await expect(page.getByTestId('tile')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
  });

  test('should refuse a callback it did not start', async ({ page }) => {
    await page.goto('/auth/callback?code=stolen&state=whatever');
    await expect(page.getByTestId('sign-in-reason')).toHaveAttribute('data-reason', 'unexpected-callback');
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
  });
});
