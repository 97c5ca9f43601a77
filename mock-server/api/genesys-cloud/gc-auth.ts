import type { Principal, TokenVerifier } from '../auth/auth-types.ts';
import { bearerToken } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse, HttpMethod, Route } from '../http-types.ts';
import { gcError } from './gc-errors.ts';

/** Where the facade's REST paths live: the platform's `/api/v2/...` under the mock's API root. */
export const GC_API_ROOT = '/genesys-cloud';

export interface GcAuthContext {
  readonly tokens: TokenVerifier;
  /** Whether the token's holder has a permission; every demo identity has all of them unless told otherwise. */
  readonly permitted?: (principal: Principal, permission: string) => boolean;
}

export interface GcRouteSpec {
  readonly method: HttpMethod;
  /** Below the API root, e.g. `/api/v2/routing/queues/:queueId`. */
  readonly path: string;
  /** Any one of these permits the call (the platform's "requires ANY permissions"); none: any valid token. */
  readonly permissions?: readonly string[];
  readonly handler: (request: ApiRequest, principal: Principal) => ApiResponse | Promise<ApiResponse>;
}

/** Bearer token only: Genesys Cloud asks for no API key. */
export function authenticate(tokens: TokenVerifier, request: ApiRequest): { ok: true; principal: Principal } | { ok: false; response: ApiResponse } {
  const token = bearerToken(request.headers);
  if (token === undefined) {
    return { ok: false, response: gcError(401, 'authentication.required', 'No authentication bearer token specified in authorization header.') };
  }
  const check = tokens.verifyAccessToken(token);
  if (check.ok) return check;
  return { ok: false, response: gcError(401, 'bad.credentials', 'Invalid login credentials.') };
}

/** A route that answers only a valid token holding one of the route's permissions. */
export function gcRoute(context: GcAuthContext, spec: GcRouteSpec): Route {
  return {
    method: spec.method,
    path: `${GC_API_ROOT}${spec.path}`,
    handler(request) {
      const auth = authenticate(context.tokens, request);
      if (!auth.ok) return auth.response;
      const needed = spec.permissions ?? [];
      const permitted = context.permitted ?? (() => true);
      if (needed.length > 0 && !needed.some((p) => permitted(auth.principal, p))) {
        return gcError(
          403,
          'missing.any.permissions',
          `Unable to perform the requested action. You must have at least one of the following permissions assigned: [${needed.join(', ')}]`,
        );
      }
      return spec.handler(request, auth.principal);
    },
  };
}
