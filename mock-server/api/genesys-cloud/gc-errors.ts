import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiRequest, ApiResponse } from '../http-types.ts';

/**
 * Genesys Cloud's error body (`ErrorBody` of the platform's SDK): `{message, code, status,
 * contextId, details, errors}`. The codes are the platform's; the messages are the mock's words
 * where the platform's exact wording is not public.
 */
export function gcError(status: number, code: string, message: string, headers?: Readonly<Record<string, string>>): ApiResponse {
  return {
    status,
    ...(headers ? { headers } : {}),
    json: { message, code, status, contextId: randomUUID(), details: [], errors: [] },
  };
}

export const badRequest = (message: string): ApiResponse => gcError(400, 'bad.request', message);
export const notFound = (message: string): ApiResponse => gcError(404, 'not.found', message);

/** The 429 the platform sends past a rate limit, with its documented message and `Retry-After`. */
export function tooManyRequests(retryAfterSec: number): ApiResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSec) },
    json: {
      message: `Rate limit exceeded the maximum. Retry the request in [${retryAfterSec}] seconds`,
      code: 'too.many.requests.retry.after',
      status: 429,
    },
  };
}

export const serviceUnavailable = (): ApiResponse =>
  gcError(503, 'service.unavailable', 'The service is currently unavailable (injected fault)', { 'retry-after': '1' });

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'The request body is invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A JSON body read and checked with zod; anything else is the platform's 4xx. */
export function parseBody<T>(schema: z.ZodType<T>, request: ApiRequest): { ok: true; data: T } | { ok: false; response: ApiResponse } {
  switch (request.bodyError) {
    case 'too-large':
      return { ok: false, response: gcError(413, 'request.entity.too.large', 'The request body is too large') };
    case 'unsupported-media-type':
      return { ok: false, response: gcError(415, 'unsupported.media.type', 'Content-Type must be application/json') };
    case 'malformed-json':
      return { ok: false, response: badRequest('Unable to parse the request body as JSON') };
    default:
      break;
  }
  if (request.body === undefined) return { ok: false, response: badRequest('A request body is required') };
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: badRequest(describeIssue(parsed.error.issues[0])) };
}
