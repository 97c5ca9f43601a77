import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from './support/fixtures.ts';

test.describe('the mock backend in a real browser', () => {
  test('should serve the app under a CSP that forbids inline script', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('should sign a person in on the Genesys-style sign-in page and redirect with code and state', async ({ page, baseURL }) => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: 'wallboard',
      redirect_uri: `${baseURL}/`,
      state: 'e2e-state',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    await page.goto(`/auth/v3/oauth/authorize?${params.toString()}`);
    const form = page.locator('form');
    await expect(form.locator('input[name="tenant"]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/sign-in-page.png' });
    await form.locator('input[name="username"]').fill('supervisor');
    await form.locator('input[name="password"]').fill('wrong');
    await form.locator('button[type="submit"], input[type="submit"]').click();
    await expect(page.getByText(/check your user name and password/i)).toBeVisible();

    await page.locator('input[name="tenant"]').fill('demo');
    await page.locator('input[name="username"]').fill('supervisor');
    await page.locator('input[name="password"]').fill('supervisor');
    await page.locator('form button[type="submit"], form input[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.has('code'));
    const url = new URL(page.url());
    expect(url.searchParams.get('state')).toBe('e2e-state');
    expect(url.pathname).toBe('/');

    // The code is single-use and bound to this verifier.
    const token = await page.request.post('/auth/v3/oauth/token', {
      headers: { 'x-api-key': 'wallboard-demo-key' },
      form: { grant_type: 'authorization_code', client_id: 'wallboard', code: url.searchParams.get('code') ?? '', redirect_uri: `${baseURL}/`, code_verifier: verifier },
    });
    expect(token.status()).toBe(200);
    expect(await token.json()).toMatchObject({ token_type: 'bearer' });
  });
});
