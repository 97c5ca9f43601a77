import { FORBIDDEN, hasValidApiKey } from '../genesys-envelope.ts';
import type { ApiHandler } from '../http-types.ts';

/**
 * 403 `{"message":"Forbidden"}` for a missing or wrong `x-api-key`, checked before anything else
 * (docs/vendors/genesys-engage.md §0.4). An identity provider without API keys (Genesys Cloud) passes `undefined`.
 */
export function requireApiKey(apiKey: string | undefined, handler: ApiHandler): ApiHandler {
  if (apiKey === undefined) return handler;
  return (request) => (hasValidApiKey(request, apiKey) ? handler(request) : FORBIDDEN);
}
