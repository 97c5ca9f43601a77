import { afterEach, describe, expect, it } from 'vitest';
import { clearPendingSignIn, PENDING_SIGN_IN_KEY, safeReturnPath, savePendingSignIn, takePendingSignIns, type PendingSignIn } from './pending-sign-in.ts';

const pending: PendingSignIn = {
  state: 'state-1',
  sourceId: 'engage',
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

  it('should hand the attempts out once and remove them', () => {
    savePendingSignIn(sessionStorage, pending);
    expect(takePendingSignIns(sessionStorage, 2_000)).toEqual([pending]);
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
    expect(takePendingSignIns(sessionStorage, 2_000)).toEqual([]);
  });

  it('should keep one attempt per source, each under its own state', () => {
    const cloud: PendingSignIn = { ...pending, state: 'state-2', sourceId: 'cloud' };
    savePendingSignIn(sessionStorage, pending);
    savePendingSignIn(sessionStorage, cloud);
    savePendingSignIn(sessionStorage, { ...pending, state: 'state-3' });
    expect(takePendingSignIns(sessionStorage, 2_000).map((p) => [p.sourceId, p.state])).toEqual([
      ['cloud', 'state-2'],
      ['engage', 'state-3'],
    ]);
    savePendingSignIn(sessionStorage, pending);
    savePendingSignIn(sessionStorage, cloud);
    clearPendingSignIn(sessionStorage, 'engage');
    expect(takePendingSignIns(sessionStorage, 2_000)).toEqual([cloud]);
  });

  it('should ignore an abandoned attempt (older than 15 minutes)', () => {
    savePendingSignIn(sessionStorage, pending);
    expect(takePendingSignIns(sessionStorage, pending.createdAt + 16 * 60_000)).toEqual([]);
  });

  it('should ignore (and remove) a tampered entry, keeping the good ones', () => {
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify([{ ...pending, returnTo: '//evil.example/' }, pending]));
    expect(takePendingSignIns(sessionStorage, 2_000)).toEqual([pending]);
    sessionStorage.setItem(PENDING_SIGN_IN_KEY, '{not json');
    expect(takePendingSignIns(sessionStorage, 2_000)).toEqual([]);
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
