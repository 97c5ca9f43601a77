import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ApiRequest } from '../api/http-types.ts';
import { buildApiRequest, MAX_BODY_BYTES } from '../api/request-body.ts';
import { dispatch } from '../api/router.ts';
import { createMockCore, type MockCore } from '../create-mock-core.ts';
import { mockOptionsSchema, tempStateDir, type MockOptions } from '../mock-options.ts';

async function toApiRequest(request: Request): Promise<Omit<ApiRequest, 'params'>> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const raw = request.body ? await request.text() : '';
  return buildApiRequest({ method: request.method, url, headers, raw, tooLarge: raw.length > MAX_BODY_BYTES, origin: url.origin });
}

/**
 * MSW handlers over the same core as the Express server (REST only: Auth v3, Statistics v3,
 * listings, admin), for fast tests without a port. The clock does not run by itself: tests move
 * it with `core.clock.set({ advanceMs })` or `POST /mock/admin/clock`.
 */
export function createMswHandlers(core: MockCore): HttpHandler[] {
  return [
    http.all('*', async ({ request }) => {
      const url = new URL(request.url);
      if (!core.router.serves(url.pathname)) return undefined;
      const response = await dispatch(core.router, await toApiRequest(request));
      if (!response) return undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        if (typeof value === 'string') headers.set(name, value);
        else for (const v of value) headers.append(name, v);
      }
      if (response.json !== undefined) return HttpResponse.json(response.json as never, { status: response.status, headers });
      return new HttpResponse(response.text ?? null, { status: response.status, headers });
    }),
  ];
}

/** A fresh mock core with its MSW handlers; `origin` is where the tests send requests. */
export function createMswMock(
  input: MockOptions = {},
  origin = 'http://localhost',
): { readonly core: MockCore; readonly handlers: HttpHandler[] } {
  const core = createMockCore(mockOptionsSchema.parse({ stateDir: tempStateDir(), quiet: true, ...input }));
  core.setOrigins([origin]);
  return { core, handlers: createMswHandlers(core) };
}
