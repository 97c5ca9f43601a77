import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import {
  emptyRevocationData,
  parseRevocationData,
  pruneRevocationData,
  serializeRevocationData,
  type RevocationData,
} from './revocation-state.ts';

export const STATE_FILE = 'auth-state.json';

export interface RevocationStore {
  revokedBefore(): number;
  subjectRevokedBefore(subjectKey: string): number;
  isAccessTokenRevoked(tokenId: string): boolean;
  isRefreshTokenUsed(tokenId: string): boolean;
  isRefreshFamilyRevoked(family: string): boolean;
  isSessionEnded(sessionId: string): boolean;
  revokeAccessToken(tokenId: string, expiresAt: number): void;
  revokeAllAccessTokens(at: number): void;
  revokeSubject(subjectKey: string, at: number): void;
  markRefreshTokenUsed(tokenId: string, expiresAt: number): void;
  revokeRefreshFamily(family: string, until: number): void;
  endSession(sessionId: string, expiresAt: number): void;
}

function load(file: string, now: number): RevocationData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRevocationData();
    throw error;
  }
  const data = parseRevocationData(text);
  if (!data) {
    console.warn(`mock: ${file} is not valid auth state; starting with no revocations`);
    return emptyRevocationData();
  }
  pruneRevocationData(data, now);
  return data;
}

/**
 * Revocation facts, kept in memory for speed and written through to `<stateDir>/<fileName>`
 * (atomically) on every change so they survive a restart. Writes are synchronous: changes are rare
 * (sign-out, rotation, admin revoke) and a sync write cannot interleave with another handler.
 * Each identity provider has a file of its own: two stores on one file would overwrite each other.
 */
export function openRevocationStore(stateDir: string, now: () => number, fileName = STATE_FILE): RevocationStore {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = join(stateDir, fileName);
  const data = load(file, now());

  const save = (): void => {
    pruneRevocationData(data, now());
    try {
      writeFileAtomic(file, serializeRevocationData(data));
    } catch (error) {
      // The in-memory state still applies; only the restart guarantee is lost, which must not fail a sign-out.
      console.error(`mock: could not persist ${file}:`, error);
    }
  };

  return {
    revokedBefore: () => data.revokedBefore,
    subjectRevokedBefore: (subjectKey) => data.subjectRevokedBefore.get(subjectKey) ?? 0,
    isAccessTokenRevoked: (tokenId) => data.revokedAccessTokens.has(tokenId),
    isRefreshTokenUsed: (tokenId) => data.usedRefreshTokens.has(tokenId),
    isRefreshFamilyRevoked: (family) => data.revokedRefreshFamilies.has(family),
    isSessionEnded: (sessionId) => data.endedSessions.has(sessionId),
    revokeAccessToken(tokenId, expiresAt) {
      data.revokedAccessTokens.set(tokenId, expiresAt);
      save();
    },
    revokeAllAccessTokens(at) {
      data.revokedBefore = Math.max(data.revokedBefore, at);
      save();
    },
    revokeSubject(subjectKey, at) {
      data.subjectRevokedBefore.set(subjectKey, Math.max(data.subjectRevokedBefore.get(subjectKey) ?? 0, at));
      save();
    },
    markRefreshTokenUsed(tokenId, expiresAt) {
      data.usedRefreshTokens.set(tokenId, expiresAt);
      save();
    },
    revokeRefreshFamily(family, until) {
      data.revokedRefreshFamilies.set(family, Math.max(data.revokedRefreshFamilies.get(family) ?? 0, until));
      save();
    },
    endSession(sessionId, expiresAt) {
      data.endedSessions.set(sessionId, expiresAt);
      save();
    },
  };
}
