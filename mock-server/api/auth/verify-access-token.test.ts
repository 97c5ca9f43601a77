import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth, createHarness, postToken, removeStateDirs, signInWithPkce, tokenBody } from './auth-test-kit.ts';

afterEach(removeStateDirs);

describe('verifyAccessToken', () => {
  it('should tell a missing token', async () => {
    const h = await createHarness();
    expect(h.service.verifyAccessToken(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(h.service.verifyAccessToken('')).toEqual({ ok: false, reason: 'missing' });
  });

  it('should call malformed, forged and refresh tokens invalid', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const [payload, signature] = tokens.access_token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, sub: 'kiosk' })).toString('base64url')}.${signature}`;
    for (const token of ['abc', 'a.b.c', `${payload}.`, forged, tokens.refresh_token ?? '', 'x'.repeat(10_000)]) {
      expect(h.service.verifyAccessToken(token)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('should call a token from another state dir (other secret) invalid', async () => {
    const a = await createHarness();
    const b = await createHarness();
    const tokens = await signInWithPkce(a);
    expect(b.service.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('should say expired once the TTL has passed', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    h.clock.advance(3_599_999);
    expect(h.service.verifyAccessToken(tokens.access_token).ok).toBe(true);
    h.clock.advance(1);
    expect(h.service.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('should honour the configured token TTL', async () => {
    const h = await createHarness({ tokenTtlSec: 5 });
    const tokens = await signInWithPkce(h);
    expect(tokens.expires_in).toBe(5);
    h.clock.advance(5_000);
    expect(h.service.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('should say revoked after revokeAllAccessTokens, while refresh tokens keep working', async () => {
    const h = await createHarness();
    const notified: (readonly string[] | 'all')[] = [];
    h.service.onRevoked((ids) => notified.push(ids));
    const user = await signInWithPkce(h);
    const client = tokenBody(
      await postToken(h, { grant_type: 'client_credentials' }, basicAuth('wallboard-service', 'wallboard-service-secret')),
    );

    h.service.revokeAllAccessTokens();

    expect(notified).toEqual(['all']);
    expect(h.service.verifyAccessToken(user.access_token)).toEqual({ ok: false, reason: 'revoked' });
    expect(h.service.verifyAccessToken(client.access_token)).toEqual({ ok: false, reason: 'revoked' });
    // Same millisecond (frozen clock): tokens issued after the revocation must still be valid.
    const renewed = tokenBody(
      await postToken(h, { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: user.refresh_token ?? '' }),
    );
    expect(h.service.verifyAccessToken(renewed.access_token).ok).toBe(true);
  });

  it('should stop notifying a listener that unsubscribed', async () => {
    const h = await createHarness();
    let calls = 0;
    const unsubscribe = h.service.onRevoked(() => {
      calls += 1;
    });
    h.service.revokeAllAccessTokens();
    unsubscribe();
    h.service.revokeAllAccessTokens();
    expect(calls).toBe(1);
  });
});
