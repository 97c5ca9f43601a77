import { expect, type Page } from '@playwright/test';

export interface SignInOptions {
  readonly user?: string;
  readonly password?: string;
  /** The app's address; the worker's mock (`baseURL`) unless a spec runs a mock of its own. */
  readonly at?: string;
}

/**
 * How a page got signed in: through the provider's form, or on its own because this browser
 * signed in before and did not sign out (docs/kiosk.md "A person signs in once": the provider's
 * session answers `prompt=none`, or a kiosk page's kept refresh token).
 */
export type SignedInBy = 'password' | 'on-its-own';

const SIGN_IN_TIMEOUT = 15_000;

/** What `localStorage` holds while a person is signed in and has not signed out (no secret). */
export const SIGNED_IN_MEMORY_KEY = 'wallboard.auth.signed-in.v1';

/**
 * Waits until every configured source's connection (one `connection-status` per source in the
 * header or the kiosk strip) is live.
 */
export async function expectEverySourceLive(page: Page, timeout = SIGN_IN_TIMEOUT): Promise<void> {
  const statuses = page.getByTestId('connection-status');
  await expect(statuses.first()).toBeVisible({ timeout });
  await expect
    .poll(() => statuses.evaluateAll((els) => els.filter((e) => e.getAttribute('data-state') !== 'live').length), { timeout, intervals: [100, 250, 500] })
    .toBe(0);
}

/**
 * Opens `at` signed in, as a person would: when the page shows the Sign in button, through it and
 * the mock's sign-in form; when the browser is still signed in (an earlier `signIn` of this spec,
 * not signed out), the page comes back on its own and nothing is typed. The provider may also skip
 * its form after the click (its session is still open); then nothing is typed either. Resolves once
 * every source is live, telling which way it went. A page that continues on its own is signed in
 * as whoever signed in before, whatever `user` says.
 */
export async function signIn(page: Page, { user = 'supervisor', password = user, at = '/' }: SignInOptions = {}): Promise<SignedInBy> {
  await page.goto(at);
  const button = page.getByRole('button', { name: 'Sign in' });
  const status = page.getByTestId('connection-status');
  // While a sign-in continues on its own the page says "Signing in…", never shows the button.
  await expect(button.or(status).first()).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  let by: SignedInBy = 'on-its-own';
  if (await button.isVisible()) {
    await button.click();
    const username = page.locator('input[name="username"]');
    await expect(username.or(status).first()).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
    if (await username.isVisible()) {
      await username.fill(user);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('form button[type="submit"]').click();
      by = 'password';
    }
  }
  await expectEverySourceLive(page);
  return by;
}

/** After a reload or a new page: back on the board, signed in on its own (a form would have stopped it short of live). */
export async function expectSignedInOnItsOwn(page: Page): Promise<void> {
  await expectEverySourceLive(page);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
}

export interface Snapshot {
  readonly now: number;
  readonly queues: readonly { readonly id: string; readonly waiting: readonly unknown[] }[];
  readonly agents: readonly { readonly id: string; readonly state: string; readonly skills: readonly string[] }[];
}

export async function snapshot(page: Page): Promise<Snapshot> {
  const response = await page.request.get('/mock/admin/snapshot');
  return (await response.json()) as Snapshot;
}

export async function setClock(page: Page, body: { speed?: number; paused?: boolean; advanceMs?: number }): Promise<void> {
  const response = await page.request.post('/mock/admin/clock', { data: body });
  expect(response.ok()).toBe(true);
}
