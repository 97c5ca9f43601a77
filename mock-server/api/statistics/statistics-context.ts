import type { TokenVerifier, Principal } from '../auth/auth-types.ts';
import type { StatEngine } from '../../stats/stat-engine.ts';
import { authenticateBearer } from '../auth/bearer-auth.ts';
import { errorEnvelope, FORBIDDEN, hasValidApiKey, bodyErrorEnvelope } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse } from '../http-types.ts';

export type ServiceState = 'AVAILABLE' | 'UNAVAILABLE';

export interface StatisticsApiContext {
  readonly apiKey: string;
  readonly tokens: TokenVerifier;
  readonly engine: StatEngine;
  readonly serviceState: () => ServiceState;
  /** The CometD session a REST request belongs to (its STATISTICS_SESSIONID cookie, or its token's only session). */
  readonly sessionOwner: (request: ApiRequest, principal: Principal) => string | undefined;
  readonly newId: () => string;
  /** Statistic names the service refuses (admin fault `refuseStatistics`); none when absent. */
  readonly refusedStatistics?: () => readonly string[];
}

/**
 * The checks every Statistics API call makes, in the documents' order: API key (403), token (401),
 * readable body, then the service being available (503 while it is not).
 */
export function guard(
  context: StatisticsApiContext,
  request: ApiRequest,
  options: { readonly whenUnavailable: 'refuse' | 'serve' } = { whenUnavailable: 'refuse' },
): { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly response: ApiResponse } {
  if (!hasValidApiKey(request, context.apiKey)) return { ok: false, response: FORBIDDEN };
  const check = authenticateBearer(context.tokens, request);
  if (!check.ok) return { ok: false, response: check.response };
  const bodyError = bodyErrorEnvelope(request);
  if (bodyError) return { ok: false, response: bodyError };
  if (options.whenUnavailable === 'refuse' && context.serviceState() === 'UNAVAILABLE') {
    return { ok: false, response: errorEnvelope(503, 'Statistics service unavailable') };
  }
  return { ok: true, principal: check.principal };
}
