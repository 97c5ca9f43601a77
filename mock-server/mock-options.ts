import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { notificationTimingsSchema } from './api/genesys-cloud/notifications/notification-options.ts';
import { demoSourceSchema } from './demo-config.ts';
import { assertTimeZone } from './lib/zoned-time.ts';
import { DEFAULT_AGENT_COUNT, MAX_AGENT_COUNT } from './sim/default-contact-center.ts';

/** Command-line options of `npm run mock` / `npm start` (docs/mock-server.md "Command line"). */
export const mockOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(8080),
  /** Loopback by default: the admin API has no auth. `--host 0.0.0.0` to show it on the network. */
  host: z.string().default('127.0.0.1'),
  seed: z.number().int().default(42),
  speed: z.number().min(0).max(10_000).default(1),
  tokenTtlSec: z.number().int().positive().default(3600),
  stateDir: z.string().default(join(process.cwd(), '.mock-state')),
  timeZone: z
    .string()
    .default(Intl.DateTimeFormat().resolvedOptions().timeZone)
    .refine((tz) => {
      try {
        assertTimeZone(tz);
        return true;
      } catch {
        return false;
      }
    }, 'unknown IANA time zone'),
  /** Simulated start (epoch ms); default: the real now. */
  startAt: z.number().int().optional(),
  /** Serve the built SPA from here when it exists. */
  distDir: z.string().optional(),
  apiKey: z.string().min(1).default('wallboard-demo-key'),
  /** Random arrivals, breaks and shifts; off for scripted tests. */
  randomTraffic: z.boolean().default(true),
  /** How long a `/meta/connect` is held when there is nothing to send (Bayeux `timeout`); default 30 s. */
  cometdTimeoutMs: z.number().int().positive().max(600_000).optional(),
  /** A CometD session with no `/meta/connect` for this long after its last reply expires; default 60 s. */
  cometdMaxIntervalMs: z.number().int().positive().max(3_600_000).optional(),
  /** Agents in the demo center (40); more repeat the forty's teams, shifts and skills. */
  agents: z.number().int().min(1).max(MAX_AGENT_COUNT).default(DEFAULT_AGENT_COUNT),
  /** Extra exact redirect URIs for the public client (e.g. a dev server on another port). */
  redirectUris: z.array(z.string().url()).default([]),
  quiet: z.boolean().default(false),
  /** Which source the served app is configured for (its `/config.json`); every facade is served either way. */
  source: demoSourceSchema.default('genesys-v3'),
  /** Genesys Cloud notification timings (heartbeat, close delay, …); tests shorten them, the command line does not offer them. */
  gcNotifications: notificationTimingsSchema.optional(),
});
export type MockOptions = z.input<typeof mockOptionsSchema>;
export type ResolvedMockOptions = z.output<typeof mockOptionsSchema>;

const FLAGS: Readonly<Record<string, { key: keyof ResolvedMockOptions; type: 'number' | 'string' | 'boolean' | 'list' }>> = {
  '--port': { key: 'port', type: 'number' },
  '--host': { key: 'host', type: 'string' },
  '--seed': { key: 'seed', type: 'number' },
  '--speed': { key: 'speed', type: 'number' },
  '--token-ttl': { key: 'tokenTtlSec', type: 'number' },
  '--state-dir': { key: 'stateDir', type: 'string' },
  '--time-zone': { key: 'timeZone', type: 'string' },
  '--start-at': { key: 'startAt', type: 'number' },
  '--dist': { key: 'distDir', type: 'string' },
  '--api-key': { key: 'apiKey', type: 'string' },
  '--no-traffic': { key: 'randomTraffic', type: 'boolean' },
  '--redirect-uri': { key: 'redirectUris', type: 'list' },
  '--cometd-timeout': { key: 'cometdTimeoutMs', type: 'number' },
  '--cometd-max-interval': { key: 'cometdMaxIntervalMs', type: 'number' },
  '--agents': { key: 'agents', type: 'number' },
  '--quiet': { key: 'quiet', type: 'boolean' },
  '--source': { key: 'source', type: 'string' },
};

export const USAGE = `usage: npm run mock -- [--port N] [--seed S] [--speed X] [--token-ttl SECONDS]
       [--state-dir DIR] [--time-zone IANA] [--start-at EPOCH_MS] [--dist DIR] [--api-key KEY]
       [--no-traffic] [--redirect-uri URI]... [--cometd-timeout MS] [--cometd-max-interval MS] [--quiet]
       [--source genesys-v3|genesys-cloud]`;

/** Parses argv (and PORT from the environment) into options; throws with a readable message. */
export function parseMockArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ResolvedMockOptions {
  const raw: Record<string, unknown> = {};
  if (env.PORT) raw.port = Number(env.PORT);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = Object.hasOwn(FLAGS, flag) ? FLAGS[flag] : undefined;
    if (!spec) throw new Error(`unknown option ${arg}\n${USAGE}`);
    if (spec.type === 'boolean') {
      raw[spec.key] = spec.key === 'randomTraffic' ? false : true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (spec.type === 'number') raw[spec.key] = Number(value);
    else if (spec.type === 'list') raw[spec.key] = [...((raw[spec.key] as string[] | undefined) ?? []), value];
    else raw[spec.key] = value;
  }
  const parsed = mockOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid option ${String(issue?.path[0] ?? '')}: ${issue?.message ?? ''}\n${USAGE}`);
  }
  return parsed.data;
}

/** A throwaway state folder for tests. */
export function tempStateDir(): string {
  return join(tmpdir(), `wallboard-mock-${process.pid}-${Math.random().toString(36).slice(2)}`);
}
