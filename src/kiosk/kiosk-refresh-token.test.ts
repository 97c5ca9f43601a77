import { describe, expect, it } from 'vitest';
import type { KeptRefreshToken } from '../auth/kept-refresh-token.ts';
import { scopeToKiosk } from './kiosk-refresh-token.ts';

function recording(): KeptRefreshToken & { value: string | undefined } {
  const kept = {
    value: undefined as string | undefined,
    read: () => kept.value,
    write: (token: string) => void (kept.value = token),
    clear: () => void (kept.value = undefined),
  };
  return kept;
}

describe('scopeToKiosk', () => {
  it('should keep and read the token only on kiosk pages', () => {
    const inner = recording();
    let path = '/';
    const scoped = scopeToKiosk(inner, () => path);
    scoped.write('r1');
    expect(inner.value).toBeUndefined();
    path = '/kiosk';
    scoped.write('r2');
    expect(scoped.read()).toBe('r2');
    path = '/';
    expect(scoped.read()).toBeUndefined();
    scoped.clear();
    expect(inner.value).toBeUndefined();
  });
});
