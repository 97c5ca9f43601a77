import { base64UrlEncode } from './base64url.ts';

/** 128 bits: enough that a forged callback cannot guess the `state` of the attempt in progress. */
const STATE_BYTES = 16;

/** A fresh, unguessable OAuth `state` for one sign-in attempt. */
export function createRandomState(cryptoImpl: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  return base64UrlEncode(cryptoImpl.getRandomValues(new Uint8Array(STATE_BYTES)));
}
