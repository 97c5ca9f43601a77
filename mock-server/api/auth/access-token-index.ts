/**
 * Access-token ids this process has issued or successfully verified, per subject. Tokens are
 * stateless, so this is the only way a global sign-out can tell `onRevoked` listeners which ids
 * died; every token a live CometD session uses has been verified here, so none is missed.
 */
export interface AccessTokenIndex {
  remember(subjectKey: string, tokenId: string, expiresAt: number): void;
  /** Unexpired ids of the subject. */
  live(subjectKey: string, now: number): readonly string[];
}

const PRUNE_EVERY = 64;

export function createAccessTokenIndex(now: () => number): AccessTokenIndex {
  const bySubject = new Map<string, Map<string, number>>();

  const prune = (tokens: Map<string, number>, at: number): void => {
    for (const [id, expiresAt] of tokens) if (expiresAt <= at) tokens.delete(id);
  };

  return {
    remember(key, tokenId, expiresAt) {
      let tokens = bySubject.get(key);
      if (!tokens) {
        tokens = new Map();
        bySubject.set(key, tokens);
      }
      if (tokens.has(tokenId)) return;
      tokens.set(tokenId, expiresAt);
      // Amortized clean-up keeps memory bounded without scanning on every verified request.
      if (tokens.size % PRUNE_EVERY === 0) prune(tokens, now());
    },
    live(key, at) {
      const tokens = bySubject.get(key);
      if (!tokens) return [];
      prune(tokens, at);
      return [...tokens.keys()];
    },
  };
}
