import { expect, test } from '../support/fixtures.ts';
import { clearAllFaults, expectEveryTile, expectOneSessionHoldingTheBoard, sessions, startClean } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// Issue 5, fault "all tokens revoked": one refresh, then live.
test.describe('fault: every access token is revoked', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test('should refresh once and be live again within 10 s, still signed in', async ({ page }) => {
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);
    const sessionBefore = (await sessions(page)).sessions[0]?.id;
    const url = page.url();
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/auth/v3/oauth/token' && (r.postData() ?? '').includes('grant_type=refresh_token')) {
        refreshes.push(r.url());
      }
    });

    const revoked = await page.request.post('/mock/admin/tokens/revoke');
    expect(revoked.ok()).toBe(true);

    // The revoked token's session is gone; the app notices, refreshes and re-subscribes.
    await expect.poll(async () => (await sessions(page)).sessions.some((s) => s.id !== sessionBefore), { timeout: 10_000 }).toBe(true);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
    await expectEveryTile(page, 'live', 10_000);
    await expectOneSessionHoldingTheBoard(page);
    expect(refreshes).toHaveLength(1);

    // Still signed in, on the same page.
    expect(page.url()).toBe(url);
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    await expect(page.getByTestId('user-name')).not.toBeEmpty();
  });
});
