import { z } from 'zod';

/**
 * The token endpoint's success body (docs/vendors/genesys-engage.md §1.3) and the implicit grant's fragment. Some
 * servers send `expires_in` as a string; both forms are accepted, anything else is refused.
 */
const expiresInSchema = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().positive());

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: expiresInSchema,
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

/** What the app keeps of a grant; `refreshToken` is absent for the implicit grant. */
export interface TokenGrant {
  readonly accessToken: string;
  readonly expiresInSec: number;
  readonly refreshToken?: string;
}

export function toTokenGrant(body: z.output<typeof tokenResponseSchema>): TokenGrant {
  return body.refresh_token === undefined
    ? { accessToken: body.access_token, expiresInSec: body.expires_in }
    : { accessToken: body.access_token, expiresInSec: body.expires_in, refreshToken: body.refresh_token };
}

/** RFC 6749 §5.2 error body, read leniently: only used to show the server's words. */
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
