import { errorEnvelope, okEnvelope } from '../genesys-envelope.ts';
import type { ApiHandler, ApiResponse, Route } from '../http-types.ts';
import { requireApiKey } from './api-key-guard.ts';
import type { AuthContext } from './auth-context.ts';
import { JWT_USERINFO_PATH, OPENID_USERINFO_PATH, PING_PATH, USERINFO_PATH } from './auth-paths.ts';
import type { Principal } from './auth-types.ts';
import { authenticateBearer } from './bearer-auth.ts';
import { bearerToken } from '../genesys-envelope.ts';
import { cloudUserDetails, openIdUserInfo } from './user-profile.ts';
import { signUserJwt } from './user-jwt.ts';

/** Personal data: never cache it anywhere. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

function withPrincipal(ctx: AuthContext, respond: (principal: Principal) => ApiResponse): ApiHandler {
  return requireApiKey(ctx.apiKey, (request) => {
    const auth = authenticateBearer(ctx.tokens, request);
    return auth.ok ? respond(auth.principal) : auth.response;
  });
}

/** `GET /auth/v3/ping`: 200 when the bearer is valid, else 403 — the vendor library's "Prohibited". */
function ping(ctx: AuthContext): ApiHandler {
  return requireApiKey(ctx.apiKey, (request) =>
    ctx.tokens.verifyAccessToken(bearerToken(request.headers)).ok
      ? okEnvelope()
      : // Not `{"message":"Forbidden"}`: clients read that one as a wrong API key (docs/vendors/genesys-engage.md §0.4).
        errorEnvelope(403, 'Not signed in'),
  );
}

/** User information by access token (docs/vendors/genesys-engage.md §1.5), bodies unwrapped as the vendor library models them. */
export function createUserInfoRoutes(ctx: AuthContext): readonly Route[] {
  return [
    {
      method: 'GET',
      path: USERINFO_PATH,
      handler: withPrincipal(ctx, (principal) => ({ status: 200, headers: NO_STORE, json: cloudUserDetails(principal) })),
    },
    {
      method: 'GET',
      path: OPENID_USERINFO_PATH,
      handler: withPrincipal(ctx, (principal) => ({ status: 200, headers: NO_STORE, json: openIdUserInfo(principal) })),
    },
    {
      method: 'GET',
      path: JWT_USERINFO_PATH,
      handler: withPrincipal(ctx, (principal) => {
        const jwt = signUserJwt(openIdUserInfo(principal), ctx.userJwtKey, ctx.now(), principal.expiresAt);
        return { ...okEnvelope(), headers: { ...NO_STORE, 'x-gws-user': jwt } };
      }),
    },
    { method: 'GET', path: PING_PATH, handler: ping(ctx) },
  ];
}
