import { expect, type Page } from '@playwright/test';
import { expectEveryTile } from './faults.ts';
import { signIn } from './sign-in.ts';

/**
 * Where a kiosk page keeps its refresh token (docs/kiosk.md "Unattended sign-in"): the
 * single-source configuration keeps the key it always had (several sources keep one key each,
 * `…v1.<source id>`). Spelled out rather than imported so a renamed key (every TV signed out by an
 * upgrade) fails a spec.
 */
export const KEPT_REFRESH_TOKEN_KEY = 'wallboard.kiosk.refresh-token.v1';

/** Signs the `kiosk` user in at a kiosk address, as the person installing the TV would, and waits until the board is live. */
export async function signInKiosk(page: Page, address: string): Promise<void> {
  await signIn(page, { at: address, user: 'kiosk' });
  await expect(page.getByTestId('kiosk')).toBeVisible();
  await expectEveryTile(page, 'live', 15_000);
}

/** No sign-in page, not even for a moment we happened to look. */
export async function expectNoSignInPage(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  await expect(page.getByTestId('sign-in-reason')).toHaveCount(0);
}

/** Marks the page so a spec can tell afterwards that it was not reloaded. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __marker?: number }).__marker = 1;
  });
}

export async function pageWasNotReloaded(page: Page): Promise<boolean> {
  return (await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)) === 1;
}
