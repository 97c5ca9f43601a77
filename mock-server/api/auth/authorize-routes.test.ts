import { afterEach, describe, expect, it } from 'vitest';
import { AUTHORIZE_PATH } from './auth-paths.ts';
import {
  authorizeUrl,
  createHarness,
  createPkcePair,
  fragmentParams,
  harnessFor,
  header,
  makeStateDir,
  redirectOf,
  REDIRECT_URI,
  removeStateDirs,
  signInForCode,
} from './auth-test-kit.ts';

afterEach(removeStateDirs);

function codeParams(extra: Record<string, string> = {}): Record<string, string> {
  const { challenge } = createPkcePair();
  return {
    client_id: 'wallboard',
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  };
}

function inputNames(page: string): string[] {
  return [...page.matchAll(/<input[^>]*\sname="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('GET /auth/v3/oauth/authorize', () => {
  it('should render a sign-in form with tenant, username, password and one submit button', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams({ state: 'abc' })), apiKey: null });
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toBe('text/html; charset=utf-8');
    const page = response.text ?? '';
    expect(inputNames(page)).toEqual(expect.arrayContaining(['tenant', 'username', 'password', 'state', 'code_challenge']));
    expect(page).toMatch(/<input id="password" name="password" type="password"/);
    expect(page.match(/<button/g)).toHaveLength(1);
    expect(page).toContain(`<form method="post" action="${AUTHORIZE_PATH}">`);
    expect(page).not.toMatch(/<script|<link|src=/i);
  });

  it('should send a strict CSP and forbid caching', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams()), apiKey: null });
    const csp = header(response, 'content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('script-src');
    expect(header(response, 'cache-control')).toBe('no-store');
  });

  it('should allow the form to redirect to a registered URI on another origin', async () => {
    const dev = 'http://localhost:5173/auth/callback';
    const h = harnessFor(await makeStateDir(), undefined, [dev]);
    const response = await h.send({ path: authorizeUrl(codeParams({ redirect_uri: dev })), apiKey: null });
    expect(header(response, 'content-security-policy')).toContain("form-action 'self' http://localhost:5173;");
  });

  it('should hide the tenant field and prefill demo when hideTenant=true', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams({ hideTenant: 'true' })), apiKey: null });
    const page = response.text ?? '';
    expect(page).toContain('<input type="hidden" name="tenant" value="demo">');
    expect(page).not.toContain('<label for="tenant">');
  });

  it('should not require the x-api-key header (a browser navigation cannot send it)', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams()), apiKey: 'wrong' });
    expect(response.status).toBe(200);
  });

  it('should show an error page and not redirect for an unknown client', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams({ client_id: 'evil' })), apiKey: null });
    expect(response.status).toBe(400);
    expect(header(response, 'location')).toBeUndefined();
    expect(response.text).toContain('Unknown client_id');
  });

  it('should show an error page and not redirect for an unregistered redirect_uri', async () => {
    const h = await createHarness();
    for (const redirectUri of ['https://evil.example/cb', `${REDIRECT_URI}/`, `${REDIRECT_URI}?x=1`, '']) {
      const response = await h.send({ path: authorizeUrl(codeParams({ redirect_uri: redirectUri })), apiKey: null });
      expect(response.status).toBe(400);
      expect(header(response, 'location')).toBeUndefined();
    }
  });

  it('should redirect with unsupported_response_type and the state for an unknown response_type', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams({ response_type: 'id_token', state: 's 1&x' })), apiKey: null });
    const url = redirectOf(response);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(url.searchParams.get('error')).toBe('unsupported_response_type');
    expect(url.searchParams.get('state')).toBe('s 1&x');
  });

  it('should redirect with invalid_request when the public client sends no PKCE challenge', async () => {
    const h = await createHarness();
    const response = await h.send({
      path: authorizeUrl({ client_id: 'wallboard', redirect_uri: REDIRECT_URI, response_type: 'code', state: 'st' }),
      apiKey: null,
    });
    const url = redirectOf(response);
    expect(url.searchParams.get('error')).toBe('invalid_request');
    expect(url.searchParams.get('error_description')).toContain('code_challenge');
    expect(url.searchParams.get('state')).toBe('st');
  });

  it('should refuse the plain PKCE method and malformed challenges', async () => {
    const h = await createHarness();
    const cases: Record<string, string>[] = [
      { code_challenge_method: 'plain' },
      { code_challenge_method: '' },
      { code_challenge: 'too-short' },
      { code_challenge: `${'a'.repeat(42)}!` },
    ];
    for (const extra of cases) {
      const response = await h.send({ path: authorizeUrl(codeParams(extra)), apiKey: null });
      expect(redirectOf(response).searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('should redirect with invalid_scope for a scope other than *', async () => {
    const h = await createHarness();
    const response = await h.send({ path: authorizeUrl(codeParams({ scope: 'openid' })), apiKey: null });
    expect(redirectOf(response).searchParams.get('error')).toBe('invalid_scope');
    const star = await h.send({ path: authorizeUrl(codeParams({ scope: '*' })), apiKey: null });
    expect(star.status).toBe(200);
  });

  it('should refuse a repeated OAuth parameter', async () => {
    const h = await createHarness();
    const response = await h.send({ path: `${authorizeUrl(codeParams({ state: 'a' }))}&state=b`, apiKey: null });
    expect(redirectOf(response).searchParams.get('error')).toBe('invalid_request');
  });

  it('should escape a hostile state everywhere it is reflected', async () => {
    const h = await createHarness();
    const hostile = `"><script>alert(1)</script><img src=x onerror='alert(2)'>`;
    const response = await h.send({ path: authorizeUrl(codeParams({ state: hostile })), apiKey: null });
    const page = response.text ?? '';
    expect(page).not.toContain('<script>');
    expect(page).not.toContain("onerror='");
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt;"');
  });

  it('should escape a registered redirect_uri that contains markup', async () => {
    const odd = `${REDIRECT_URI}?next="><script>x()</script>`;
    const h = harnessFor(await makeStateDir(), undefined, [odd]);
    const response = await h.send({ path: authorizeUrl(codeParams({ redirect_uri: odd })), apiKey: null });
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('<script>');
    expect(response.text).toContain('&lt;script&gt;x()&lt;/script&gt;');
  });
});

describe('POST /auth/v3/oauth/authorize', () => {
  it('should redirect to redirect_uri with the code and the unchanged state', async () => {
    const h = await createHarness();
    const { redirect } = await signInForCode(h, { state: 'xyz/+= ü' });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(redirect.searchParams.get('state')).toBe('xyz/+= ü');
  });

  it('should omit state when none was sent', async () => {
    const h = await createHarness();
    const { redirect } = await signInForCode(h);
    expect(redirect.searchParams.has('state')).toBe(false);
  });

  it('should append with & when the redirect_uri already has a query', async () => {
    const withQuery = `${REDIRECT_URI}?tenant=demo`;
    const h = harnessFor(await makeStateDir(), undefined, [withQuery]);
    const { redirect } = await signInForCode(h, { redirectUri: withQuery, state: 's' });
    expect(redirect.href.startsWith(`${withQuery}&code=`)).toBe(true);
    expect(redirect.searchParams.get('tenant')).toBe('demo');
  });

  it('should show the form again with 401 and a message for a wrong password', async () => {
    const h = await createHarness();
    const response = await h.send({
      method: 'POST',
      path: AUTHORIZE_PATH,
      apiKey: null,
      body: { ...codeParams({ state: '<b>' }), tenant: 'demo', username: 'supervisor', password: 'nope' },
    });
    expect(response.status).toBe(401);
    expect(header(response, 'location')).toBeUndefined();
    const page = response.text ?? '';
    expect(page).toContain('Check your user name and password');
    expect(page).toContain('value="supervisor"');
    expect(page).not.toContain('value="nope"');
    expect(page).toContain('name="state" value="&lt;b&gt;"');
    expect(header(response, 'content-security-policy')).toContain("default-src 'none'");
  });

  it('should refuse a sign-in with the wrong tenant', async () => {
    const h = await createHarness();
    const response = await h.send({
      method: 'POST',
      path: AUTHORIZE_PATH,
      apiKey: null,
      body: { ...codeParams(), tenant: 'other', username: 'supervisor', password: 'supervisor' },
    });
    expect(response.status).toBe(401);
  });

  it('should sign in the kiosk user with a hidden tenant field', async () => {
    const h = await createHarness();
    const response = await h.send({
      method: 'POST',
      path: AUTHORIZE_PATH,
      apiKey: null,
      body: { ...codeParams({ hideTenant: 'true' }), username: 'kiosk', password: 'kiosk' },
    });
    expect(redirectOf(response).searchParams.get('code')).toBeTruthy();
  });

  it('should validate the posted OAuth fields again', async () => {
    const h = await createHarness();
    const response = await h.send({
      method: 'POST',
      path: AUTHORIZE_PATH,
      apiKey: null,
      body: { ...codeParams({ redirect_uri: 'https://evil.example/' }), tenant: 'demo', username: 'supervisor', password: 'supervisor' },
    });
    expect(response.status).toBe(400);
    expect(header(response, 'location')).toBeUndefined();
  });

  it('should answer 413 for a too large form and 400 for an unreadable one', async () => {
    const h = await createHarness();
    const tooLarge = await h.send({ method: 'POST', path: AUTHORIZE_PATH, apiKey: null, bodyError: 'too-large' });
    expect(tooLarge.status).toBe(413);
    const notAForm = await h.send({ method: 'POST', path: AUTHORIZE_PATH, apiKey: null, body: [1, 2] });
    expect(notAForm.status).toBe(400);
  });

  it('should return the implicit grant token in the fragment without a refresh token', async () => {
    const h = await createHarness();
    const response = await h.send({
      method: 'POST',
      path: AUTHORIZE_PATH,
      apiKey: null,
      body: {
        client_id: 'wallboard',
        redirect_uri: REDIRECT_URI,
        response_type: 'token',
        state: 'st8',
        tenant: 'demo',
        username: 'supervisor',
        password: 'supervisor',
      },
    });
    const url = redirectOf(response);
    expect(url.search).toBe('');
    const fragment = fragmentParams(url);
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('expires_in')).toBe('3600');
    expect(fragment.get('scope')).toBe('*');
    expect(fragment.get('state')).toBe('st8');
    expect(fragment.has('refresh_token')).toBe(false);
    expect(response.headers?.location).toContain('scope=*');
    const check = h.service.verifyAccessToken(fragment.get('access_token') ?? '');
    expect(check.ok && check.principal.subject).toBe('supervisor');
  });

  it('should not offer the implicit grant to the confidential client', async () => {
    const h = await createHarness();
    const response = await h.send({
      path: authorizeUrl({ client_id: 'wallboard-service', redirect_uri: REDIRECT_URI, response_type: 'token', state: 'q' }),
      apiKey: null,
    });
    const fragment = fragmentParams(redirectOf(response));
    expect(fragment.get('error')).toBe('unauthorized_client');
    expect(fragment.get('state')).toBe('q');
  });
});
