import { describe, expect, it } from 'vitest';
import { cookieFromSetCookie, withCookie } from './session-cookies.ts';

describe('withCookie', () => {
  it('should add the cookie, or replace its value, keeping the others', () => {
    expect(withCookie(undefined, 'BAYEUX_BROWSER', 'b1')).toBe('BAYEUX_BROWSER=b1');
    expect(withCookie('a=1; BAYEUX_BROWSER=old; b=2', 'BAYEUX_BROWSER', 'b1')).toBe('a=1; b=2; BAYEUX_BROWSER=b1');
  });
});

describe('cookieFromSetCookie', () => {
  it('should read a cookie value from one or several Set-Cookie headers', () => {
    expect(cookieFromSetCookie('BAYEUX_BROWSER=abc; Path=/x; HttpOnly', 'BAYEUX_BROWSER')).toBe('abc');
    expect(cookieFromSetCookie(['X=1; Path=/', 'BAYEUX_BROWSER=def; HttpOnly'], 'BAYEUX_BROWSER')).toBe('def');
    expect(cookieFromSetCookie(undefined, 'BAYEUX_BROWSER')).toBeUndefined();
  });
});
