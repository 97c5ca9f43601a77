import { describe, expect, it } from 'vitest';
import { s256Challenge, verifierMatchesChallenge } from './pkce.ts';

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('pkce', () => {
  it('should compute the S256 challenge of the RFC 7636 example', () => {
    expect(s256Challenge(VERIFIER)).toBe(CHALLENGE);
  });

  it('should match only the right, well-formed verifier', () => {
    expect(verifierMatchesChallenge(VERIFIER, CHALLENGE)).toBe(true);
    expect(verifierMatchesChallenge(`${VERIFIER.slice(0, -1)}l`, CHALLENGE)).toBe(false);
    expect(verifierMatchesChallenge('short', s256Challenge('short'))).toBe(false);
  });
});
