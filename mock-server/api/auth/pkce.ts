import { createHash } from 'node:crypto';
import { safeEqual } from './secure-compare.ts';

/** RFC 7636 §4.1/§4.2: 43–128 characters of the unreserved set, for verifiers and challenges alike. */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The S256 transformation: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** True when the verifier is well formed and hashes to the challenge stored with the code. */
export function verifierMatchesChallenge(verifier: string, challenge: string): boolean {
  return PKCE_VALUE.test(verifier) && safeEqual(s256Challenge(verifier), challenge);
}
