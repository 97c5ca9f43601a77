import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth, createHarness, postToken, removeStateDirs, signInWithPkce, tokenBody } from './auth-test-kit.ts';

afterEach(removeStateDirs);

function refreshForm(refreshToken: string): Record<string, string> {
  return { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: refreshToken };
}

describe('refresh_token grant', () => {
  it('should rotate: a new access and refresh token, and the old refresh token refused', async () => {
    const h = await createHarness();
    const first = await signInWithPkce(h);
    const second = tokenBody(await postToken(h, refreshForm(first.refresh_token ?? '')));
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(h.service.verifyAccessToken(second.access_token).ok).toBe(true);

    const replay = await postToken(h, refreshForm(first.refresh_token ?? ''));
    expect(replay.status).toBe(400);
    expect(replay.json).toEqual({ error: 'invalid_grant', error_description: 'Refresh token already used' });
  });

  it('should revoke the whole refresh family once a rotated token is replayed', async () => {
    const h = await createHarness();
    const first = await signInWithPkce(h);
    const second = tokenBody(await postToken(h, refreshForm(first.refresh_token ?? '')));
    await postToken(h, refreshForm(first.refresh_token ?? ''));
    const afterReplay = await postToken(h, refreshForm(second.refresh_token ?? ''));
    expect(afterReplay.json).toMatchObject({ error: 'invalid_grant', error_description: 'Refresh token revoked' });
  });

  it('should keep other sign-ins of the same user working after a replay', async () => {
    const h = await createHarness();
    const victim = await signInWithPkce(h);
    const other = await signInWithPkce(h);
    await postToken(h, refreshForm(victim.refresh_token ?? ''));
    await postToken(h, refreshForm(victim.refresh_token ?? ''));
    expect((await postToken(h, refreshForm(other.refresh_token ?? ''))).status).toBe(200);
  });

  it('should refuse a refresh token presented by another client', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const response = await postToken(
      h,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' },
      basicAuth('wallboard-service', 'wallboard-service-secret'),
    );
    expect(response.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should refuse an access token, garbage and a tampered refresh token', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    const refresh = tokens.refresh_token ?? '';
    const tampered = `${refresh.slice(0, -2)}${refresh.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const candidate of [tokens.access_token, 'garbage', tampered]) {
      const response = await postToken(h, refreshForm(candidate));
      expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
    }
  });

  it('should refuse a refresh token after its lifetime', async () => {
    const h = await createHarness({ refreshTokenTtlSec: 7200 });
    const tokens = await signInWithPkce(h);
    h.clock.advance(7_200_000);
    const response = await postToken(h, refreshForm(tokens.refresh_token ?? ''));
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Refresh token expired' });
  });

  it('should still refresh after the access token expired', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    h.clock.advance(3_600_000 * 5);
    expect(h.service.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: 'expired' });
    const renewed = tokenBody(await postToken(h, refreshForm(tokens.refresh_token ?? '')));
    expect(h.service.verifyAccessToken(renewed.access_token).ok).toBe(true);
  });

  it('should rotate password-grant refresh tokens for the confidential client', async () => {
    const h = await createHarness();
    const service = basicAuth('wallboard-service', 'wallboard-service-secret');
    const first = tokenBody(await postToken(h, { grant_type: 'password', username: 'supervisor', password: 'supervisor' }, service));
    const second = await postToken(h, { grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' }, service);
    expect(second.status).toBe(200);
  });
});
