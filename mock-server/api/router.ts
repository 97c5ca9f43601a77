import type { ApiRequest, ApiResponse, HttpMethod, Route } from './http-types.ts';

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

export interface Router {
  /** The route for method and path, or undefined; `pathExists` tells 404 from 405. */
  match(method: HttpMethod, path: string): RouteMatch | undefined;
  pathExists(path: string): boolean;
  /** True when the path lies under one of the prefixes this router serves. */
  serves(path: string): boolean;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return undefined;
      }
    } else if (p !== a) {
      return undefined;
    }
  }
  return params;
}

export function createRouter(routes: readonly Route[], prefixes: readonly string[]): Router {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: split(route.path) }));
  return {
    match(method, path) {
      const actual = split(path);
      for (const c of compiled) {
        if (c.route.method !== method) continue;
        const params = matchSegments(c.segments, actual);
        if (params) return { route: c.route, params };
      }
      return undefined;
    },
    pathExists(path) {
      const actual = split(path);
      return compiled.some((c) => matchSegments(c.segments, actual) !== undefined);
    },
    serves(path) {
      return prefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
    },
  };
}

/**
 * Runs the matched handler. A handler that throws never takes the server down nor leaks a stack:
 * the client gets a 500 in the Genesys envelope and the error is logged once.
 */
export async function dispatch(router: Router, request: Omit<ApiRequest, 'params'>): Promise<ApiResponse | undefined> {
  if (!router.serves(request.path)) return undefined;
  const found = router.match(request.method, request.path);
  if (!found) {
    const status = router.pathExists(request.path) ? 405 : 404;
    return {
      status,
      json: { status: { code: status, message: status === 405 ? 'Method not allowed' : 'Resource not found' } },
    };
  }
  try {
    return await found.route.handler({ ...request, params: found.params });
  } catch (error) {
    console.error(`mock: ${request.method} ${request.path} failed:`, error);
    return { status: 500, json: { status: { code: 500, message: 'Internal server error' } } };
  }
}
