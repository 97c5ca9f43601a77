import type { ApiRequest, ApiResponse } from './http-types.ts';

/**
 * The Genesys Engage Cloud envelope (docs/vendors/genesys-engage.md §0.3): `{status:{code,message?}, data?, errors?}`,
 * `status.code` 0 on success, 2 on partial success, the HTTP status on errors (a decision, §0.3 there).
 */
export interface StatusObject {
  readonly code: number;
  readonly message?: string;
  readonly detail?: Record<string, unknown>;
}

export function okEnvelope(data?: unknown, extra: Partial<ApiResponse> = {}): ApiResponse {
  return { status: 200, ...extra, json: data === undefined ? { status: { code: 0 } } : { status: { code: 0 }, data } };
}

export function partialEnvelope(data: unknown, errors: readonly StatusObject[]): ApiResponse {
  return {
    status: 200,
    json: { status: { code: 2, message: 'Partially successful' }, data, errors: errors.map((status) => ({ status })) },
  };
}

export function errorEnvelope(httpStatus: number, message: string, detail?: Record<string, unknown>): ApiResponse {
  return {
    status: httpStatus,
    json: { status: { code: httpStatus, message, ...(detail ? { detail } : {}) } },
  };
}

/** 403 for a missing or wrong `x-api-key`, exactly as the documents give it (docs/vendors/genesys-engage.md §0.4). */
export const FORBIDDEN: ApiResponse = { status: 403, json: { message: 'Forbidden' } };

export function hasValidApiKey(request: ApiRequest, apiKey: string): boolean {
  return request.headers['x-api-key'] === apiKey;
}

/** The bearer token of an `Authorization` header; the scheme is matched case-insensitively (docs/vendors/genesys-engage.md §0.1). */
export function bearerToken(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = headers.authorization;
  if (!value) return undefined;
  const match = /^bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/** Maps a body that could not be read to the Genesys envelope's error, or undefined when it was fine. */
export function bodyErrorEnvelope(request: ApiRequest): ApiResponse | undefined {
  switch (request.bodyError) {
    case 'too-large':
      return errorEnvelope(413, 'Request body too large');
    case 'malformed-json':
      return errorEnvelope(400, 'Malformed JSON in request body');
    case 'unsupported-media-type':
      return errorEnvelope(415, 'Content-Type must be application/json');
    default:
      return undefined;
  }
}
