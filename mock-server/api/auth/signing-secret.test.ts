import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStateDir, removeStateDirs } from './auth-test-kit.ts';
import { loadOrCreateSigningSecret, SECRET_FILE } from './signing-secret.ts';

afterEach(removeStateDirs);

describe('signing-secret', () => {
  it('should create a random secret once and read the same one afterwards', async () => {
    const dir = await makeStateDir();
    const first = loadOrCreateSigningSecret(dir);
    expect(first.length).toBe(32);
    expect(loadOrCreateSigningSecret(dir).equals(first)).toBe(true);
    expect(loadOrCreateSigningSecret(await makeStateDir()).equals(first)).toBe(false);
  });

  it('should replace an unreadable secret with a warning', async () => {
    const dir = await makeStateDir();
    await writeFile(join(dir, SECRET_FILE), 'short');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const secret = loadOrCreateSigningSecret(dir);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect((await readFile(join(dir, SECRET_FILE), 'utf8')).trim()).toBe(secret.toString('base64url'));
  });
});
