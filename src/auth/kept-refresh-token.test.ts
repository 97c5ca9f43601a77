import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeptRefreshToken, KEPT_REFRESH_TOKEN_KEY, keptRefreshTokenKey } from './kept-refresh-token.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

describe('createKeptRefreshToken', () => {
  it('should keep each source\'s token under its own key when several sources sign in', () => {
    const storage = memoryStorage();
    const engage = createKeptRefreshToken(storage, () => 1, keptRefreshTokenKey('engage'));
    const cloud = createKeptRefreshToken(storage, () => 1, keptRefreshTokenKey('cloud'));
    engage.write('engage-refresh');
    cloud.write('cloud-refresh');
    expect([...storage.map.keys()]).toEqual([`${KEPT_REFRESH_TOKEN_KEY}.engage`, `${KEPT_REFRESH_TOKEN_KEY}.cloud`]);
    engage.clear();
    expect([engage.read(), cloud.read()]).toEqual([undefined, 'cloud-refresh']);
  });

  it('should keep the refresh token under one versioned key, and forget it', () => {
    const storage = memoryStorage();
    const kept = createKeptRefreshToken(storage, () => 42);
    expect(kept.read()).toBeUndefined();
    kept.write('refresh-1');
    expect(JSON.parse(storage.map.get(KEPT_REFRESH_TOKEN_KEY) ?? '')).toEqual({ refreshToken: 'refresh-1', savedAt: 42 });
    expect(kept.read()).toBe('refresh-1');
    kept.clear();
    expect(kept.read()).toBeUndefined();
    expect(storage.map.size).toBe(0);
  });

  it('should remove, not use, a stored value that does not parse', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const storage = memoryStorage();
        storage.map.set(KEPT_REFRESH_TOKEN_KEY, raw);
        const read = createKeptRefreshToken(storage).read();
        if (read === undefined) expect(storage.map.has(KEPT_REFRESH_TOKEN_KEY)).toBe(false);
        else expect(typeof read).toBe('string');
      }),
    );
  });

  it('should not throw when storage is switched off', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const kept = createKeptRefreshToken(throwing);
    expect(() => kept.write('x')).not.toThrow();
    expect(kept.read()).toBeUndefined();
    expect(() => kept.clear()).not.toThrow();
  });
});
