import type { Page, Response } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { signIn } from '../support/sign-in.ts';

// docs/kiosk.md "A person signs in once": a person who signed in and did not sign out comes back to the board without typing the
// password (a reload, a second tab, a kiosk page): the app asks the identity provider with
// prompt=none and its sign-in session answers. After a sign-out, or any refusal, it waits for the
// Sign in button — it never loops through the provider.

const AUTHORIZE = '/auth/v3/oauth/authorize';

/** Every navigation of a page to the provider's authorize endpoint, and whether its sign-in form was shown. */
interface ProviderVisits {
  readonly navigations: URL[];
  /** Authorize answers that were the form (200), not a redirect straight back (302). */
  formsShown(): number;
}

function watchProvider(page: Page): ProviderVisits {
  const navigations: URL[] = [];
  const forms: Response[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === AUTHORIZE && request.method() === 'GET' && request.isNavigationRequest()) navigations.push(url);
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === AUTHORIZE && response.request().method() === 'GET' && response.status() === 200) forms.push(response);
  });
  return { navigations, formsShown: () => forms.length };
}

async function expectLiveBoard(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
}

test.describe('a sign-in the person does not notice twice', () => {
  test('should bring a reload, a second tab and a kiosk page back to the board without the sign-in form', async ({ page, context }) => {
    const first = watchProvider(page);
    await signIn(page);
    expect(first.formsShown()).toBe(1);
    expect(first.navigations).toHaveLength(1);

    await page.reload();
    await expectLiveBoard(page);
    expect(first.formsShown()).toBe(1);
    expect(first.navigations).toHaveLength(2);
    expect(first.navigations[1]?.searchParams.get('prompt')).toBe('none');
    // The code and state are gone from the address at once.
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);

    const second = await context.newPage();
    const secondVisits = watchProvider(second);
    await second.goto('/?board=skills');
    await expectLiveBoard(second);
    await expect(second.getByTestId('board')).toHaveAttribute('data-board', 'skills');
    expect(secondVisits.formsShown()).toBe(0);
    expect(secondVisits.navigations.map((url) => url.searchParams.get('prompt'))).toEqual(['none']);

    // Nothing secret stays behind on the normal pages: the memory of the sign-in holds no token.
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored.map(([key]) => key)).toEqual(['wallboard.auth.signed-in.v1']);
    expect(JSON.stringify(stored)).not.toMatch(/token|eyJ/i);

    // A kiosk page opened by the same person signs in the same way (and then keeps its own refresh token).
    await second.goto('/kiosk?board=queues');
    await expect(second.getByTestId('kiosk')).toBeVisible({ timeout: 15_000 });
    await expect(second.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    expect(secondVisits.formsShown()).toBe(0);
  });

  test('should stay on the Sign in button after a sign-out and a reload, with no redirect loop, and ask for the password again', async ({ page, context }) => {
    const visits = watchProvider(page);
    await signIn(page);
    await page.getByTestId('sign-out').click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    const before = visits.navigations.length;

    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(visits.navigations).toHaveLength(before);

    const other = await context.newPage();
    const otherVisits = watchProvider(other);
    await other.goto('/');
    await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await other.waitForLoadState('networkidle');
    expect(otherVisits.navigations).toEqual([]);

    // The sign-out ended the provider's session too: signing in asks for the password.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('input[name="password"]')).toBeVisible();
    expect(visits.formsShown()).toBe(2);
  });

  test('should ask the provider once when it no longer knows the person, then show the Sign in button and not ask again', async ({ page, context }) => {
    await signIn(page);
    await page.close();
    // While no page is open, every token and provider session ends (the admin revoke with refresh tokens).
    const revoked = await context.request.post('/mock/admin/tokens/revoke', { data: { refreshTokens: true } });
    expect(revoked.ok()).toBe(true);

    const next = await context.newPage();
    const visits = watchProvider(next);
    await next.goto('/');
    // prompt=none came back with login_required: the plain sign-in screen, no alarm.
    await expect(next.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
    await expect(next.getByTestId('sign-in-reason')).toHaveCount(0);
    expect(visits.navigations.map((url) => url.searchParams.get('prompt'))).toEqual(['none']);
    expect(visits.formsShown()).toBe(0);

    await next.reload();
    await expect(next.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await next.waitForLoadState('networkidle');
    expect(visits.navigations).toHaveLength(1);
  });
});
