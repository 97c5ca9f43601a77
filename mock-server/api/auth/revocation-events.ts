export type RevocationListener = (tokenIds: readonly string[] | 'all') => void;

export interface RevocationEvents {
  subscribe(listener: RevocationListener): () => void;
  emit(tokenIds: readonly string[] | 'all'): void;
}

export function createRevocationEvents(): RevocationEvents {
  const listeners = new Set<RevocationListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(tokenIds) {
      if (tokenIds !== 'all' && tokenIds.length === 0) return;
      for (const listener of [...listeners]) {
        try {
          listener(tokenIds);
        } catch (error) {
          // One faulty listener must neither fail the sign-out nor starve the others.
          console.error('mock: an onRevoked listener failed:', error);
        }
      }
    },
  };
}
