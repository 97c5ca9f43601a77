import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken, encodeToken, type TokenPayload } from './token-codec.ts';

const payload: TokenPayload = {
  v: 1,
  iss: 'auth-v3',
  typ: 'refresh',
  jti: 'id-1',
  sub: 'supervisor',
  knd: 'user',
  ten: 'demo',
  cid: 'wallboard',
  iat: 1,
  exp: 2,
  fam: 'family-1',
  sid: 'session-1',
};

describe('token-codec', () => {
  it('should round-trip a payload', () => {
    const secret = randomBytes(32);
    expect(decodeToken(encodeToken(payload, secret), secret)).toEqual(payload);
  });

  it('should reject another secret, a changed payload and unknown fields', () => {
    const secret = randomBytes(32);
    const token = encodeToken(payload, secret);
    expect(decodeToken(token, randomBytes(32))).toBeUndefined();
    const [, signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ ...payload, sub: 'kiosk' })).toString('base64url');
    expect(decodeToken(`${changed}.${signature}`, secret)).toBeUndefined();
    const extra = encodeToken({ ...payload, admin: true } as TokenPayload, secret);
    expect(decodeToken(extra, secret)).toBeUndefined();
  });
});
