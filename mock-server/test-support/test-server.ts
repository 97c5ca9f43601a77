import { startMockServer, type MockServer } from '../create-mock-server.ts';
import { tempStateDir, type MockOptions } from '../mock-options.ts';
import { API_KEY } from './http-sign-in.ts';

/** A weekday morning, busy enough that calls wait and agents idle. */
export const BUSY_MORNING = Date.UTC(2026, 10, 23, 10, 30);

/** The real mock on a free port, its clock stopped unless the test moves it. */
export function startTestServer(options: MockOptions = {}): Promise<MockServer> {
  return startMockServer({
    port: 0,
    host: '127.0.0.1',
    stateDir: tempStateDir(),
    seed: 1,
    speed: 0,
    timeZone: 'UTC',
    startAt: BUSY_MORNING,
    quiet: true,
    ...options,
  });
}

export async function admin(server: MockServer, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}/mock/admin/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export function advanceClock(server: MockServer, advanceMs: number): Promise<unknown> {
  return admin(server, 'POST', 'clock', { advanceMs });
}

export interface StatisticsCall {
  readonly status: number;
  readonly body: {
    readonly status?: { readonly code: number; readonly message?: string };
    readonly data?: Record<string, unknown>;
    readonly errors?: readonly { readonly status: { readonly code: number; readonly message?: string } }[];
    readonly message?: string;
  };
}

/** A Statistics API v3 call with the headers Genesys's clients send. */
export async function statisticsApi(
  server: MockServer,
  token: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<StatisticsCall> {
  const response = await fetch(`${server.url}/statistics/v3/${path}`, {
    method,
    headers: { 'x-api-key': API_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as StatisticsCall['body'] };
}
