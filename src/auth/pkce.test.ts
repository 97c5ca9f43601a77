import { describe, expect, it } from 'vitest';
import { base64UrlEncode } from './base64url.ts';
import { createCodeChallenge, createCodeVerifier, createPkce, InsecureContextError } from './pkce.ts';
import { createRandomState } from './random-state.ts';

/** RFC 7636 Appendix B: the 32 octets, their base64url verifier and its S256 challenge. */
const RFC_OCTETS = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE', () => {
  it("should encode RFC 7636's octets as its verifier (base64url, no padding)", () => {
    expect(base64UrlEncode(new Uint8Array(RFC_OCTETS))).toBe(RFC_VERIFIER);
  });

  it("should compute RFC 7636's S256 challenge with WebCrypto", async () => {
    expect(await createCodeChallenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it('should draw the verifier from crypto.getRandomValues', () => {
    const fixed = { getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.set(RFC_OCTETS);
      return array;
    } };
    expect(createCodeVerifier(fixed)).toBe(RFC_VERIFIER);
  });

  it('should make 43-character verifiers of unreserved characters, different each time', async () => {
    const first = await createPkce();
    const second = await createPkce();
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.verifier).not.toBe(second.verifier);
  });

  it('should explain, not crash, when WebCrypto is missing (plain-http page)', async () => {
    const noSubtle = { subtle: undefined } as unknown as Crypto;
    await expect(createCodeChallenge(RFC_VERIFIER, noSubtle)).rejects.toBeInstanceOf(InsecureContextError);
  });
});

describe('createRandomState', () => {
  it('should make unguessable, URL-safe states', () => {
    const states = new Set(Array.from({ length: 50 }, () => createRandomState()));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
