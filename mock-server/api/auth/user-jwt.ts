import { createHmac } from 'node:crypto';

/** A key for the `X-GWS-User` JWT, derived so the token-signing secret itself is never used twice. */
export function deriveUserJwtKey(signingSecret: Buffer): Buffer {
  return createHmac('sha256', signingSecret).update('jwt-userinfo').digest();
}

function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** An HS256 JWT (RFC 7519) of the given claims; `iat`/`exp` in seconds as JWT expects. */
export function signUserJwt(claims: object, key: Buffer, issuedAtMs: number, expiresAtMs: number): string {
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    ...claims,
    iat: Math.floor(issuedAtMs / 1000),
    exp: Math.floor(expiresAtMs / 1000),
  })}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}
