import { z } from 'zod';

/**
 * What `<stateDir>/auth-state.json` holds. Tokens themselves are stateless (signed); only the
 * facts that end a token before its expiry need to be remembered, and each entry carries the time
 * after which it can be forgotten because every token it concerns has expired anyway.
 */
export interface RevocationData {
  /** Admin revoke-all: every ACCESS token with `iat <= revokedBefore` is revoked (refresh tokens are not). */
  revokedBefore: number;
  /** Global sign-out: every access AND refresh token of that subject with `iat <=` the value is revoked. */
  readonly subjectRevokedBefore: Map<string, number>;
  /** Signed-out access token id → its expiry (prunable after it). */
  readonly revokedAccessTokens: Map<string, number>;
  /** Refresh token id already exchanged (rotation) → its expiry. */
  readonly usedRefreshTokens: Map<string, number>;
  /** Refresh family revoked after a reused refresh token → time by which all its tokens have expired. */
  readonly revokedRefreshFamilies: Map<string, number>;
  /** Sign-in session (the identity provider's cookie) ended by a sign-out → its expiry. */
  readonly endedSessions: Map<string, number>;
}

const timeMap = z.record(z.string(), z.number().int().nonnegative());

const fileSchema = z.object({
  version: z.literal(1),
  revokedBefore: z.number().int().nonnegative(),
  subjectRevokedBefore: timeMap,
  revokedAccessTokens: timeMap,
  usedRefreshTokens: timeMap,
  revokedRefreshFamilies: timeMap,
  // A file written before sign-in sessions existed has none ended.
  endedSessions: timeMap.default({}),
});

export function emptyRevocationData(): RevocationData {
  return {
    revokedBefore: 0,
    subjectRevokedBefore: new Map(),
    revokedAccessTokens: new Map(),
    usedRefreshTokens: new Map(),
    revokedRefreshFamilies: new Map(),
    endedSessions: new Map(),
  };
}

/** The state in a file's text, or undefined when it is not valid JSON of the expected shape. */
export function parseRevocationData(text: string): RevocationData | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const file = parsed.data;
  return {
    revokedBefore: file.revokedBefore,
    subjectRevokedBefore: new Map(Object.entries(file.subjectRevokedBefore)),
    revokedAccessTokens: new Map(Object.entries(file.revokedAccessTokens)),
    usedRefreshTokens: new Map(Object.entries(file.usedRefreshTokens)),
    revokedRefreshFamilies: new Map(Object.entries(file.revokedRefreshFamilies)),
    endedSessions: new Map(Object.entries(file.endedSessions)),
  };
}

export function serializeRevocationData(data: RevocationData): string {
  const file: z.infer<typeof fileSchema> = {
    version: 1,
    revokedBefore: data.revokedBefore,
    subjectRevokedBefore: Object.fromEntries(data.subjectRevokedBefore),
    revokedAccessTokens: Object.fromEntries(data.revokedAccessTokens),
    usedRefreshTokens: Object.fromEntries(data.usedRefreshTokens),
    revokedRefreshFamilies: Object.fromEntries(data.revokedRefreshFamilies),
    endedSessions: Object.fromEntries(data.endedSessions),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function dropExpired(map: Map<string, number>, now: number): void {
  for (const [key, until] of map) if (until <= now) map.delete(key);
}

/**
 * Forgets entries whose tokens have all expired, so the file stays small on a mock that runs for
 * weeks. `subjectRevokedBefore` is kept: it has at most one entry per demo identity.
 */
export function pruneRevocationData(data: RevocationData, now: number): void {
  dropExpired(data.revokedAccessTokens, now);
  dropExpired(data.usedRefreshTokens, now);
  dropExpired(data.revokedRefreshFamilies, now);
  dropExpired(data.endedSessions, now);
}
