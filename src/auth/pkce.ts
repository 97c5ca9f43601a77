import { base64UrlEncode } from './base64url.ts';

/** 32 random octets → a 43-character verifier, as RFC 7636 §4.1 recommends (43–128 allowed). */
const VERIFIER_BYTES = 32;

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

/** Thrown where WebCrypto's digest is missing: browsers hide `crypto.subtle` outside secure contexts. */
export class InsecureContextError extends Error {
  constructor() {
    super('WebCrypto is not available: open the wallboard over HTTPS (or on localhost) to sign in');
    this.name = 'InsecureContextError';
  }
}

export function createCodeVerifier(cryptoImpl: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  return base64UrlEncode(cryptoImpl.getRandomValues(new Uint8Array(VERIFIER_BYTES)));
}

/** S256: BASE64URL(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function createCodeChallenge(verifier: string, cryptoImpl: Pick<Crypto, 'subtle'> = globalThis.crypto): Promise<string> {
  // `subtle` is typed as always present, but browsers leave it undefined on plain-http pages.
  const subtle = cryptoImpl.subtle as SubtleCrypto | undefined;
  if (!subtle) throw new InsecureContextError();
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

export async function createPkce(cryptoImpl: Crypto = globalThis.crypto): Promise<Pkce> {
  const verifier = createCodeVerifier(cryptoImpl);
  return { verifier, challenge: await createCodeChallenge(verifier, cryptoImpl) };
}
