import { z } from 'zod';

/**
 * `public/config.json` (README "Configuration"): read at start so one build runs
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

/** Genesys: "If not explicitly set, default value is 80" (docs/vendors/genesys-engage.md §3.5). */
export const DEFAULT_SERVICE_LEVEL_TARGET_PERCENT = 80;

/** An API root: absolute http(s), or a path on this origin (`/genesys-cloud`). */
const baseUrl = (field: string): z.ZodType<string> =>
  z.union([z.url({ protocol: /^https?$/ }), z.string().regex(/^\/(?!\/)[^?#\s]*$/)], {
    error: `${field} must be an absolute http(s) URL or a path on this origin starting with "/"`,
  });

const SOURCE_KIND_NAMES = ['genesys-v3', 'genesys-cloud', 'gws', '8x8'] as const;

/**
 * One source of statistics (docs/adding-a-source.md): its kind, where its API and sign-in are, and
 * how the SPA signs in. No secret ever goes here: what must stay secret is the wallboard server's.
 */
const sourceSchema = z
  .object({
    id: z
      .string({ error: 'sources[].id is required (the name tiles use in "source")' })
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'sources[].id: lower-case letters, digits and dashes'),
    kind: z.enum(SOURCE_KIND_NAMES, { error: `sources[].kind must be one of ${SOURCE_KIND_NAMES.join(', ')}` }),
    apiBaseUrl: baseUrl('sources[].apiBaseUrl').optional(),
    /** Genesys Cloud's login root (`https://login.mypurecloud.com`); the API root's own origin when absent. */
    loginBaseUrl: baseUrl('sources[].loginBaseUrl').optional(),
    apiKey: nonEmpty('sources[].apiKey', 'the tenant API key sent as x-api-key').optional(),
    auth: authSchema,
  })
  .superRefine((source, ctx) => {
    if (source.kind === 'genesys-v3' && source.apiKey === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a genesys-v3 source needs its apiKey (sent as x-api-key)', path: ['apiKey'] });
    }
    if (source.kind === 'genesys-cloud' && source.auth.flow === 'implicit') {
      ctx.addIssue({ code: 'custom', message: 'Genesys Cloud retires the implicit grant: use "code-pkce"', path: ['auth', 'flow'] });
    }
  });
export type SourceConfig = z.output<typeof sourceSchema>;

/** The id of the one source of the single-source form (apiKey and auth at the top). */
export const SINGLE_SOURCE_ID = 'genesys-v3';

export const runtimeConfigSchema = z
  .object(
    {
      apiBaseUrl: z
        .url({ protocol: /^https?$/, error: 'apiBaseUrl must be an absolute http(s) URL, or left out for this origin' })
        .optional(),
      apiKey: nonEmpty('apiKey', 'the tenant API key sent as x-api-key').optional(),
      auth: authSchema.optional(),
      /** Several sources in one deployment; tiles name one in `source`, or use `defaultSource`. */
      sources: z.array(sourceSchema).min(1, 'sources must list at least one source').optional(),
      defaultSource: z.string().optional(),
      defaultBoard: z.string({ error: 'defaultBoard must be a board id' }).trim().min(1, 'defaultBoard must not be empty').default('queues'),
      /**
       * The service level a supervisor aims for, in percent: the editor pre-fills a service-level
       * tile's warning line with it. It is Genesys's `defaultTargetServiceLevelPercentage` ("used in UI
       * as default target service level"; 80 when not set; an integer 1–100), a Web Services setting
       * (`/api/v2/settings/reporting`, docs/vendors/genesys-engage.md §3.5) that the Statistics API v3 does not serve,
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
  )
  .superRefine((config, ctx) => {
    if (config.sources === undefined) {
      // The single-source form: Genesys Engage with apiKey and auth at the top, as before sources existed.
      if (config.apiKey === undefined) ctx.addIssue({ code: 'custom', message: 'apiKey is required (the tenant API key sent as x-api-key)', path: ['apiKey'] });
      if (config.auth === undefined) ctx.addIssue({ code: 'custom', message: 'auth is required (auth must be an object with clientId and flow)', path: ['auth'] });
      return;
    }
    const ids = new Set<string>();
    config.sources.forEach((source, index) => {
      if (ids.has(source.id)) ctx.addIssue({ code: 'custom', message: `duplicate source id "${source.id}"`, path: ['sources', index, 'id'] });
      ids.add(source.id);
    });
    if (config.defaultSource !== undefined && !ids.has(config.defaultSource)) {
      ctx.addIssue({ code: 'custom', message: `defaultSource "${config.defaultSource}" is not one of the sources`, path: ['defaultSource'] });
    }
  });

export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

/** Every configured source; the single-source form is one Genesys Engage source called `genesys-v3`. */
export function configuredSources(config: RuntimeConfig): readonly SourceConfig[] {
  if (config.sources) return config.sources;
  if (config.apiKey === undefined || config.auth === undefined) return [];
  return [{ id: SINGLE_SOURCE_ID, kind: 'genesys-v3', apiBaseUrl: config.apiBaseUrl, apiKey: config.apiKey, auth: config.auth }];
}

/** The source a tile without `source` reads from: `defaultSource`, else the first. */
export function defaultSourceId(config: RuntimeConfig): string {
  return config.defaultSource ?? configuredSources(config)[0]?.id ?? SINGLE_SOURCE_ID;
}

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
