import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGN_OUT_PATH } from './auth-paths.ts';
import {
  bearer,
  createHarness,
  harnessFor,
  makeStateDir,
  postToken,
  removeStateDirs,
  signInWithPkce,
  tokenBody,
} from './auth-test-kit.ts';
import { STATE_FILE } from './revocation-store.ts';
import { SECRET_FILE } from './signing-secret.ts';

afterEach(removeStateDirs);

function refreshForm(refreshToken: string | undefined): Record<string, string> {
  return { grant_type: 'refresh_token', client_id: 'wallboard', refresh_token: refreshToken ?? '' };
}

describe('auth state across a restart', () => {
  it('should keep access and refresh tokens valid in a new service on the same state dir', async () => {
    const before = await createHarness();
    const tokens = await signInWithPkce(before);
    const after = before.restart();
    expect(after.service.verifyAccessToken(tokens.access_token)).toMatchObject({ ok: true, principal: { subject: 'supervisor' } });
    expect((await postToken(after, refreshForm(tokens.refresh_token))).status).toBe(200);
  });

  it('should create the state dir if missing and keep the secret private', async () => {
    const stateDir = join(await makeStateDir(), 'nested', 'state');
    harnessFor(stateDir);
    const info = await stat(join(stateDir, SECRET_FILE));
    expect(info.mode & 0o777).toBe(0o600);
  });

  it('should keep admin revoke-all after a restart', async () => {
    const before = await createHarness();
    const tokens = await signInWithPkce(before);
    before.service.revokeAllAccessTokens();
    const after = before.restart();
    expect(after.service.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: 'revoked' });
    expect((await postToken(after, refreshForm(tokens.refresh_token))).status).toBe(200);
  });

  it('should keep a sign-out after a restart', async () => {
    const before = await createHarness();
    const tokens = await signInWithPkce(before);
    await before.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(tokens.access_token) });
    const after = before.restart();
    expect(after.service.verifyAccessToken(tokens.access_token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('should keep a global sign-out, refresh tokens included, after a restart', async () => {
    const before = await createHarness();
    const tokens = await signInWithPkce(before);
    await before.send({ method: 'POST', path: `${SIGN_OUT_PATH}?global=true`, headers: bearer(tokens.access_token) });
    const after = before.restart();
    expect((await postToken(after, refreshForm(tokens.refresh_token))).json).toMatchObject({ error: 'invalid_grant' });
  });

  it('should keep a rotated refresh token refused after a restart', async () => {
    const before = await createHarness();
    const tokens = await signInWithPkce(before);
    tokenBody(await postToken(before, refreshForm(tokens.refresh_token)));
    const after = before.restart();
    expect((await postToken(after, refreshForm(tokens.refresh_token))).json).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Refresh token already used',
    });
  });

  it('should prune revocations of tokens that have expired', async () => {
    const h = await createHarness();
    const tokens = await signInWithPkce(h);
    await h.send({ method: 'POST', path: SIGN_OUT_PATH, headers: bearer(tokens.access_token) });
    const file = join(h.stateDir, STATE_FILE);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { revokedAccessTokens: Record<string, number> };
    expect(Object.keys(saved.revokedAccessTokens)).toHaveLength(1);

    h.clock.advance(3_600_000);
    h.service.revokeAllAccessTokens();
    const pruned = JSON.parse(await readFile(file, 'utf8')) as { revokedAccessTokens: Record<string, number>; revokedBefore: number };
    expect(pruned.revokedAccessTokens).toEqual({});
    expect(pruned.revokedBefore).toBe(h.clock.now());
  });

  it('should start with no revocations when the state file is corrupt', async () => {
    const stateDir = await makeStateDir();
    await writeFile(join(stateDir, STATE_FILE), '{not json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const h = harnessFor(stateDir);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    const tokens = await signInWithPkce(h);
    expect(h.service.verifyAccessToken(tokens.access_token).ok).toBe(true);
  });
});
