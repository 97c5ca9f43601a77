import { describe, expect, it } from 'vitest';
import { createSignedInMemory, SIGNED_IN_MEMORY_KEY } from './signed-in-memory.ts';
import { createMemoryStorage } from './test-support/fake-fetch.ts';

describe('createSignedInMemory', () => {
  it('should keep "signed in since" per source under one key, and nothing once every source is forgotten', () => {
    const storage = createMemoryStorage();
    const memory = createSignedInMemory(storage, () => 42);
    memory.remember('engage');
    memory.remember('cloud');
    expect(JSON.parse(storage.getItem(SIGNED_IN_MEMORY_KEY) ?? '')).toEqual({ engage: { since: 42 }, cloud: { since: 42 } });
    memory.forget('engage');
    expect([memory.remembers('engage'), memory.remembers('cloud')]).toEqual([false, true]);
    memory.forgetAll();
    expect(storage.length).toBe(0);
  });

  it('should read an edited or broken value as nothing remembered', () => {
    const storage = createMemoryStorage();
    const memory = createSignedInMemory(storage);
    for (const raw of ['{not json', '[]', '{"engage":{"since":-1}}', '{"engage":{"since":1,"refreshToken":"x"}}', '{"__proto__":{"since":1}}']) {
      storage.setItem(SIGNED_IN_MEMORY_KEY, raw);
      expect(memory.remembers('engage')).toBe(false);
    }
    expect(memory.remembers('__proto__')).toBe(false);
  });

  it('should carry on when storage refuses to be written or read', () => {
    const broken: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    const memory = createSignedInMemory(broken);
    expect(() => memory.remember('engage')).not.toThrow();
    expect(memory.remembers('engage')).toBe(false);
  });
});
