import { expect, test } from '../support/fixtures.ts';
import { clearAllFaults, expectEveryTile } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

test.describe('fault: every token revoked and the refresh refused', () => {
  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test('should show a clear sign-in screen with the reason, not a broken board', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);
    const revoked = await page.request.post('/mock/admin/tokens/revoke', { data: { refreshTokens: true } });
    expect(revoked.ok()).toBe(true);
    // The server ends the session; the re-handshake gets 401; the one refresh is refused.
    await expect(page.getByTestId('sign-in-reason')).toHaveAttribute('data-reason', 'session-expired', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('tile')).toHaveCount(0);
    expect(errors).toEqual([]);
    // Signing in again brings the board back.
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);
  });
});
