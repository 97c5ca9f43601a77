import { expect, test, type Page } from '../support/fixtures.ts';
import { mockAdmin } from '../support/mock-admin.ts';
import { cloudId, ENGAGE_AND_CLOUD, useConfig, vendorSnapshot } from '../support/sources.ts';

/**
 * Several sources on one board (README "Configuration"; docs/architecture.md "Data flow"): one tile from Genesys Engage and one from Genesys Cloud, kept in this
 * browser. A person signs in to each source once; a vendor that goes down makes only its own tiles
 * stale, and its own status chip says why, while the other vendor's stay live.
 */
const layout = (x: number): { x: number; y: number; w: number; h: number } => ({ x, y: 0, w: 6, h: 3 });

async function keepBoard(page: Page, salesCloudId: string): Promise<void> {
  const board = {
    version: 2,
    id: 'two-vendors',
    title: 'Two vendors',
    tiles: [
      { id: 'engage', title: 'Sales on Engage', statistic: 'Current_In_Queue', object: { kind: 'queue', id: 'sales' }, format: 'count', layout: layout(0) },
      { id: 'cloud', title: 'Sales on Cloud', source: 'genesys-cloud', statistic: 'Current_In_Queue', object: { kind: 'queue', id: salesCloudId }, format: 'count', layout: layout(6) },
    ],
  };
  await page.addInitScript((stored) => {
    if (localStorage.getItem('wallboard.boards.v1') === null) localStorage.setItem('wallboard.boards.v1', stored);
  }, JSON.stringify({ boards: [board] }));
}

async function fillSignInForm(page: Page): Promise<void> {
  await page.locator('input[name="username"]').fill('supervisor');
  await page.locator('input[name="password"]').fill('supervisor');
  await page.locator('form button[type="submit"]').click();
}

const tileOf = (page: Page, source: string) => page.locator(`[data-testid="tile"][data-source="${source}"][data-stat="Current_In_Queue"]`);
const chipOf = (page: Page, source: string) => page.locator(`[data-testid="connection-status"][data-source="${source}"]`);

test.describe('a board fed by two vendors', () => {
  test.afterEach(async ({ page }) => {
    await page.request.delete('/mock/admin/faults');
  });

  test('should sign in to each source once, and keep one vendor live while the other is down', async ({ page }) => {
    const truth = await vendorSnapshot(page);
    const sales = truth.queues.find((queue) => queue.id === 'sales');
    if (!sales) throw new Error('no sales queue');
    await useConfig(page, ENGAGE_AND_CLOUD);
    await keepBoard(page, cloudId(sales));
    // Sign in at the default source (Engage): the gate. Genesys Cloud then asks for its own sign-in, once.
    await page.goto('/?board=two-vendors');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await fillSignInForm(page);
    await expect(chipOf(page, 'genesys-v3')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(chipOf(page, 'genesys-cloud')).toHaveAttribute('data-state', 'unauthorized', { timeout: 15_000 });
    await page.locator('[data-testid="source-sign-in"][data-source="genesys-cloud"]').click();
    await fillSignInForm(page);
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'two-vendors', { timeout: 15_000 });
    await expect(chipOf(page, 'genesys-cloud')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(chipOf(page, 'genesys-v3')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(tileOf(page, 'genesys-v3')).toHaveAttribute('data-status', 'live', { timeout: 20_000 });
    await expect(tileOf(page, 'genesys-cloud')).toHaveAttribute('data-status', 'live', { timeout: 20_000 });

    // Genesys Cloud goes down: its tile goes stale and its chip says why; Engage carries on.
    await mockAdmin(page, 'POST', 'faults', { vendor: 'genesys-cloud', down: true });
    await expect(chipOf(page, 'genesys-cloud')).not.toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await expect(chipOf(page, 'genesys-cloud')).toHaveAttribute('title', /.+/);
    await expect(tileOf(page, 'genesys-cloud')).toHaveAttribute('data-status', 'stale');
    await expect(chipOf(page, 'genesys-v3')).toHaveAttribute('data-state', 'live');
    await expect(tileOf(page, 'genesys-v3')).toHaveAttribute('data-status', 'live');
    await page.request.delete('/mock/admin/faults?vendor=genesys-cloud');
    await expect(tileOf(page, 'genesys-cloud')).toHaveAttribute('data-status', 'live', { timeout: 60_000 });

    // And the other way round.
    await mockAdmin(page, 'POST', 'faults', { vendor: 'genesys-v3', down: true });
    await expect(tileOf(page, 'genesys-v3')).not.toHaveAttribute('data-status', 'live', { timeout: 45_000 });
    await expect(chipOf(page, 'genesys-v3')).not.toHaveAttribute('data-state', 'live');
    await expect(tileOf(page, 'genesys-cloud')).toHaveAttribute('data-status', 'live');
    await expect(chipOf(page, 'genesys-cloud')).toHaveAttribute('data-state', 'live');
  });
});
