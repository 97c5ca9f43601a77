import { FORBIDDEN, hasValidApiKey } from '../genesys-envelope.ts';
import type { ApiHandler } from '../http-types.ts';

/** 403 `{"message":"Forbidden"}` for a missing or wrong `x-api-key`, checked before anything else (§0.4). */
export function requireApiKey(apiKey: string, handler: ApiHandler): ApiHandler {
  return (request) => (hasValidApiKey(request, apiKey) ? handler(request) : FORBIDDEN);
}
