import { z } from 'zod';

/**
 * `public/config.json` (CONTRACTS.md "Runtime configuration"): read at start so one build runs
 * against any backend. Unknown keys are ignored so an older build still starts with a newer file.
 */
const nonEmpty = (field: string, what: string): z.ZodString =>
  z.string({ error: `${field} is required (${what})` }).trim().min(1, `${field} must not be empty (${what})`);

const authSchema = z.object(
  {
    clientId: nonEmpty('auth.clientId', 'the OAuth client id'),
    flow: z
      .enum(['code-pkce', 'implicit'], { error: 'auth.flow must be "code-pkce" or "implicit"' })
      .default('code-pkce'),
    clientSecret: nonEmpty('auth.clientSecret', 'omit it for a public client').optional(),
    redirectPath: z
      .string({ error: 'auth.redirectPath must be a string' })
      // A path on this origin only: the redirect URI must stay ours.
      .regex(/^\/(?!\/)[^?#\s]*$/, 'auth.redirectPath must be a path starting with a single "/" (no query or fragment)')
      .default('/auth/callback'),
  },
  { error: 'auth must be an object with clientId and flow' },
);

/** 002: "If not explicitly set, default value is 80". */
export const DEFAULT_SERVICE_LEVEL_TARGET_PERCENT = 80;

export const runtimeConfigSchema = z.object(
  {
    apiBaseUrl: z
      .url({ protocol: /^https?$/, error: 'apiBaseUrl must be an absolute http(s) URL, or left out for this origin' })
      .optional(),
    apiKey: nonEmpty('apiKey', 'the tenant API key sent as x-api-key'),
    auth: authSchema,
    defaultBoard: z.string({ error: 'defaultBoard must be a board id' }).trim().min(1, 'defaultBoard must not be empty').default('queues'),
    /**
     * The service level a supervisor aims for, in percent: the editor pre-fills a service-level
     * tile's warning line with it. It is 002's `defaultTargetServiceLevelPercentage` ("used in UI
     * as default target service level"; 80 when not set; an integer 1–100), a Web Services setting
     * (`/api/v2/settings/reporting`, API-CONTRACT §3.5) that the Statistics API v3 does not serve,
     * so the deployment states it here.
     */
    serviceLevelTargetPercent: z
      .number({ error: 'serviceLevelTargetPercent must be a whole number of percent from 1 to 100' })
      .int('serviceLevelTargetPercent must be a whole number of percent from 1 to 100')
      .min(1, 'serviceLevelTargetPercent must be at least 1')
      .max(100, 'serviceLevelTargetPercent must be at most 100')
      .default(DEFAULT_SERVICE_LEVEL_TARGET_PERCENT),
  },
  { error: 'config.json must hold a JSON object' },
);

export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

export interface ConfigError {
  /** Dotted path of the bad field (`auth.flow`), or `config.json` when the file itself is unusable. */
  readonly field: string;
  readonly message: string;
}

export type RuntimeConfigResult =
  | { readonly ok: true; readonly config: RuntimeConfig }
  | { readonly ok: false; readonly error: ConfigError };

export const CONFIG_FILE_FIELD = 'config.json';

/** Validates already-parsed JSON; the error names the first bad field. */
export function parseRuntimeConfig(input: unknown): RuntimeConfigResult {
  const parsed = runtimeConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : CONFIG_FILE_FIELD;
  return { ok: false, error: { field, message: issue?.message ?? 'is invalid' } };
}

function describeFailure(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  try {
    return String(cause);
  } catch {
    // Something with no string form (a null-prototype object): still a page, never a crash.
    return 'unknown error';
  }
}

/** Fetches and validates `/config.json`; never throws, so the shell can always show a page. */
export async function loadRuntimeConfig(fetchFn: typeof fetch, url = '/config.json'): Promise<RuntimeConfigResult> {
  let response: Response;
  try {
    // no-cache: an operator edits the file on the server and expects a reload to pick it up.
    response = await fetchFn(url, { cache: 'no-cache', headers: { accept: 'application/json' } });
  } catch (cause) {
    return { ok: false, error: { field: CONFIG_FILE_FIELD, message: `config.json could not be loaded: ${describeFailure(cause)}` } };
  }
  if (!response.ok) {
    return { ok: false, error: { field: CONFIG_FILE_FIELD, message: `config.json could not be loaded (HTTP ${response.status})` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    return { ok: false, error: { field: CONFIG_FILE_FIELD, message: 'config.json is not valid JSON' } };
  }
  return parseRuntimeConfig(json);
}
