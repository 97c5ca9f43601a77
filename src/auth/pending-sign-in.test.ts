import { afterEach, describe, expect, it } from 'vitest';
import { PENDING_SIGN_IN_KEY, safeReturnPath, savePendingSignIn, takePendingSignIn, type PendingSignIn } from './pending-sign-in.ts';

const pending: PendingSignIn = {
  state: 'state-1',
  flow: 'code-pkce',
  codeVerifier: 'v'.repeat(43),
  redirectUri: 'http://localhost:3000/auth/callback',
  returnTo: '/kiosk?board=queues',
  createdAt: 1_000,
};

describe('pending sign-in', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('should keep the attempt in sessionStorage under one key, never in localStorage', () => {
    savePendingSignIn(sessionStorage, pending);
    expect(sessionStorage.length).toBe(1);
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).not.toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('should hand the attempt out once and remove it', () => {
    savePendingSignIn(sessionStorage, pending);
    expect(takePendingSignIn(sessionStorage, 2_000)).toEqual(pending);
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
    expect(takePendingSignIn(sessionStorage, 2_000)).toBeUndefined();
  });

  it('should ignore an abandoned attempt (older than 15 minutes)', () => {
    savePendingSignIn(sessionStorage, pending);
    expect(takePendingSignIn(sessionStorage, pending.createdAt + 16 * 60_000)).toBeUndefined();
  });

  it('should ignore (and remove) a tampered entry', () => {
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify({ ...pending, returnTo: '//evil.example/' }));
    expect(takePendingSignIn(sessionStorage, 2_000)).toBeUndefined();
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, '{not json');
    expect(takePendingSignIn(sessionStorage, 2_000)).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
  });
});

describe('safeReturnPath', () => {
  it('should keep a same-origin path with its query', () => {
    expect(safeReturnPath('/kiosk?board=agents', '/auth/callback')).toBe('/kiosk?board=agents');
  });

  it('should not return to the callback path or leave the origin', () => {
    expect(safeReturnPath('/auth/callback?x=1', '/auth/callback')).toBe('/');
    expect(safeReturnPath('//evil.example/x', '/auth/callback')).toBe('/');
    expect(safeReturnPath('https://evil.example/', '/auth/callback')).toBe('/');
  });
});
