import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from './secure-compare.ts';

/**
 * Tokens are self-contained and signed so they stay valid across a restart of the mock without a
 * token database: `<base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, DOMAIN + payloadPart))>`.
 * Clients must treat them as opaque strings.
 */
const DOMAIN = 'wallboard-mock-token.v1:';
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z.strictObject({
  v: z.literal(1),
  /**
   * The identity provider that issued it (Engage Auth v3, Genesys Cloud login): each verifier
   * accepts its own only, so a token of one vendor never opens another vendor's API.
   */
  iss: z.string().min(1).max(64),
  /**
   * `access` tokens authorize API calls; `refresh` tokens only buy new tokens at /token;
   * `session` is the sign-in page's own cookie (the identity provider remembers who signed in).
   */
  typ: z.enum(['access', 'refresh', 'session']),
  jti: z.string().min(1).max(64),
  sub: z.string().min(1).max(256),
  knd: z.enum(['user', 'client']),
  ten: z.string().min(1).max(256),
  cid: z.string().min(1).max(256),
  /** Issued-at and expiry, epoch ms (ms so revocation cut-offs order tokens exactly). */
  iat: z.number().int().nonnegative(),
  exp: z.number().int().nonnegative(),
  /** Refresh tokens only: the rotation family, shared by every refresh token descending from one sign-in. */
  fam: z.string().min(1).max(64).optional(),
  /** The sign-in session the tokens descend from, so signing out can end it (OpenID's `sid`). */
  sid: z.string().min(1).max(64).optional(),
});

export type TokenPayload = z.infer<typeof payloadSchema>;

function sign(payloadPart: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(DOMAIN + payloadPart).digest('base64url');
}

export function encodeToken(payload: TokenPayload, secret: Buffer): string {
  const payloadPart = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${payloadPart}.${sign(payloadPart, secret)}`;
}

/** The payload of a well-formed token with a valid signature, else undefined (expiry is not checked here). */
export function decodeToken(token: string, secret: Buffer): TokenPayload | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [payloadPart, signature] = parts as [string, string];
  if (!BASE64URL.test(payloadPart) || !BASE64URL.test(signature)) return undefined;
  if (!safeEqual(signature, sign(payloadPart, secret))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
