import WebSocket from 'ws';
import type { MockServer } from '../../../create-mock-server.ts';
import { createPkce } from '../../../test-support/http-sign-in.ts';
import { SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET } from '../../auth/oauth-clients.ts';
import { GC_AUTHORIZE_PATH, GC_TOKEN_PATH } from '../login-paths.ts';

/** Helpers for the notification tests: tokens, REST calls, and a WebSocket client that waits for frames. */

async function tokenOf(response: Response): Promise<string> {
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** A demo user's token from Genesys Cloud's login: authorization code + PKCE, as the SPA gets one. */
async function userToken(server: MockServer, username: string): Promise<string> {
  const pkce = createPkce();
  const redirectUri = `${server.url}/`;
  const params = { response_type: 'code', client_id: 'wallboard', redirect_uri: redirectUri, state: 's', code_challenge: pkce.challenge, code_challenge_method: 'S256' };
  const page = await (await fetch(`${server.url}${GC_AUTHORIZE_PATH}?${new URLSearchParams(params).toString()}`)).text();
  const hidden = Object.fromEntries(
    [...page.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].flatMap((m) => {
      const name = /name="([^"]*)"/.exec(m[0])?.[1];
      const value = (/value="([^"]*)"/.exec(m[0])?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      return name ? [[name, value]] : [];
    }),
  );
  const signedIn = await fetch(`${server.url}${GC_AUTHORIZE_PATH}`, form({ tenant: 'demo', ...hidden, username, password: username }));
  const code = new URL(signedIn.headers.get('location') ?? `${server.url}/`).searchParams.get('code');
  if (!code) throw new Error(`sign-in did not redirect with a code: ${signedIn.status}`);
  const exchange = { grant_type: 'authorization_code', client_id: 'wallboard', code, redirect_uri: redirectUri, code_verifier: pkce.verifier };
  return tokenOf(await fetch(`${server.url}${GC_TOKEN_PATH}`, form(exchange)));
}

/**
 * A token the Genesys Cloud facade accepts: `service` by client credentials (the app is the owner),
 * or a demo user's. Each is a different user/app combination for the channel limit.
 */
export async function gcToken(server: MockServer, who: 'service' | 'supervisor' | 'kiosk' = 'service'): Promise<string> {
  if (who !== 'service') return userToken(server, who);
  const basic = Buffer.from(`${SERVICE_CLIENT_ID}:${SERVICE_CLIENT_SECRET}`).toString('base64');
  const response = await fetch(`${server.url}${GC_TOKEN_PATH}`, {
    ...form({ grant_type: 'client_credentials' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
  });
  return tokenOf(response);
}

export interface GcCall {
  readonly status: number;
  readonly body: unknown;
}

export async function gcApi(server: MockServer, token: string | undefined, method: string, path: string, body?: unknown): Promise<GcCall> {
  const response = await fetch(`${server.url}/genesys-cloud/api/v2/${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export interface ChannelJson {
  readonly id: string;
  readonly connectUri: string;
  readonly expires: string;
}

export async function createChannel(server: MockServer, token: string): Promise<ChannelJson> {
  const created = await gcApi(server, token, 'POST', 'notifications/channels');
  if (created.status !== 200) throw new Error(`channel: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body as ChannelJson;
}

export type Frame = Record<string, unknown> & { readonly topicName?: string; readonly eventBody?: Record<string, unknown> };

export interface TestSocket {
  readonly frames: readonly { readonly at: number; readonly frame: Frame }[];
  send(frame: unknown): void;
  /** The first frame from `after` on (an index into `frames`) that matches, waiting up to `timeoutMs`. */
  next(match: (frame: Frame) => boolean, options?: { readonly after?: number; readonly timeoutMs?: number }): Promise<Frame>;
  /** Resolves with the close code once the server has closed the socket. */
  readonly closed: Promise<number>;
  close(): void;
}

export function openSocket(connectUri: string): Promise<TestSocket> {
  const ws = new WebSocket(connectUri);
  const frames: { at: number; frame: Frame }[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data: WebSocket.RawData) => {
    frames.push({ at: Date.now(), frame: JSON.parse(String(data)) as Frame });
    for (const wake of waiters) wake();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const socket: TestSocket = {
    frames,
    send: (frame) => ws.send(JSON.stringify(frame)),
    next(match, { after = 0, timeoutMs = 5_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = frames.slice(after).find((f) => match(f.frame));
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found.frame);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames.map((f) => f.frame))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    closed,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

/** The status an upgrade to this URI is refused with (undefined if it is accepted). */
export function refusedUpgrade(connectUri: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const ws = new WebSocket(connectUri);
    ws.once('open', () => {
      ws.close();
      resolve(undefined);
    });
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode);
      response.resume();
      ws.terminate();
    });
    ws.once('error', () => undefined);
  });
}

export const isTopic = (topicName: string) => (frame: Frame): boolean => frame.topicName === topicName;
