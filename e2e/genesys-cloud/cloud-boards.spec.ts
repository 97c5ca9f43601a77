import { expect, test } from '../support/fixtures.ts';
import { wallboardAgentState } from '../support/agent-states.ts';
import { setClock, signIn } from '../support/sign-in.ts';
import { cloudId, GENESYS_CLOUD_ONLY, notLive, useConfig, vendorSnapshot } from '../support/sources.ts';

/**
 * The three shipped boards speak the wallboard's vocabulary (docs/vocabulary.md), so the same files,
 * unchanged, go live on Genesys Cloud — the app configured as `npm start -- --source genesys-cloud`
 * configures it — with the numbers the simulation has.
 */
test.describe('the shipped boards on Genesys Cloud', () => {
  test.beforeEach(async ({ page }) => {
    await useConfig(page, GENESYS_CLOUD_ONLY);
  });
  test.afterEach(async ({ page }) => {
    await setClock(page, { speed: 1, paused: false });
  });

  test('should show every tile of the Queues, Skills and Agents boards live, from Genesys Cloud', async ({ page }) => {
    await signIn(page);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-source', 'genesys-cloud');
    // Who is signed in, from Genesys Cloud's own users/me.
    await expect(page.getByTestId('user-name')).toHaveText(/\S/);
    for (const board of ['queues', 'skills', 'agents']) {
      await page.locator(`[data-testid="board-tab"][data-board="${board}"]`).click();
      await expect(page.getByTestId('board')).toHaveAttribute('data-board', board);
      await expect(page.getByTestId('tile').first()).toBeVisible({ timeout: 15_000 });
      await expect.poll(() => notLive(page), { timeout: 20_000 }).toEqual([]);
      const sources = await page.getByTestId('tile').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-source')))]);
      expect(sources).toEqual(['genesys-cloud']);
    }
  });

  test('should show each queue\u2019s waiting calls and each agent\u2019s state as the simulation has them', async ({ page }) => {
    await signIn(page);
    await expect.poll(() => notLive(page), { timeout: 20_000 }).toEqual([]);
    await setClock(page, { paused: true });
    const truth = await vendorSnapshot(page);
    for (const queue of truth.queues) {
      const tiles = page.locator(`[data-testid="tile"][data-stat="Current_In_Queue"][data-object-type="queue"][data-object-id="${cloudId(queue)}"]`);
      await expect(tiles.first()).toBeVisible();
      // The observations topic and the 60-s re-query bring the floor as it now stands.
      for (const tile of await tiles.all()) await expect(tile).toHaveAttribute('data-value', String(queue.waiting.length), { timeout: 70_000 });
    }
    await page.locator('[data-testid="board-tab"][data-board="agents"]').click();
    const working = truth.agents.filter((agent) => agent.state === 'WaitForNextCall');
    expect(working.length).toBeGreaterThan(0);
    for (const agent of working) {
      await expect(page.locator(`[data-testid="tile"][data-stat="CurrentAgentState"][data-object-id="${cloudId(agent)}"]`)).toHaveAttribute('data-value', wallboardAgentState(agent.state), {
        timeout: 15_000,
      });
    }
  });

  test('should come back to the board after a reload and in a second tab without the password', async ({ page, context }) => {
    await signIn(page);
    let forms = 0;
    context.on('request', (request) => {
      if (request.url().includes('/genesys-cloud/login/oauth/authorize') && request.method() === 'POST') forms += 1;
    });
    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    const second = await context.newPage();
    await second.goto('/?board=skills');
    await expect(second.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(second.getByTestId('board')).toHaveAttribute('data-board', 'skills');
    expect(forms).toBe(0);
    await expect(second.locator('input[name="password"]')).toHaveCount(0);
  });
});
