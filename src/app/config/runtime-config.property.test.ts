import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_FIELD, loadRuntimeConfig, parseRuntimeConfig, type RuntimeConfigResult } from './runtime-config.ts';

/**
 * Properties of `config.json` parsing (README "Configuration"): any input gets a
 * result, never a throw; a refusal names a field of the file (or the file itself); and loading never
 * rejects, whatever the server answers, so the shell can always show a page.
 */

const RUNS = { numRuns: 300 };

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  apiBaseUrl: [],
  apiKey: [],
  defaultBoard: [],
  serviceLevelTargetPercent: [],
  auth: ['clientId', 'flow', 'clientSecret', 'redirectPath'],
};

/** `field` is the file itself or a dotted path to one of its documented fields. */
function expectNamedField(result: RuntimeConfigResult): void {
  if (result.ok) return;
  const { field, message } = result.error;
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(0);
  if (field === CONFIG_FILE_FIELD) return;
  const [top = '', nested, ...rest] = field.split('.');
  expect(Object.keys(FIELDS), `unknown field "${field}"`).toContain(top);
  if (nested !== undefined) expect(FIELDS[top], `unknown field "${field}"`).toContain(nested);
  expect(rest).toEqual([]);
}

const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((text): unknown => JSON.parse(text)));

/** Non-blank text, sometimes with the blanks an operator's editor leaves around it. */
const filled = fc
  .tuple(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), fc.constantFrom('', ' ', '\t', '\n'))
  .map(([text, pad]) => `${pad}${text}${pad}`);
const redirectPath = fc.stringMatching(/^\/[A-Za-z0-9_\-./]{0,20}$/).filter((p) => !p.startsWith('//'));
const validAuth = fc.record(
  { clientId: filled, flow: fc.constantFrom('code-pkce', 'implicit'), clientSecret: filled, redirectPath },
  { requiredKeys: ['clientId'] },
);
const validConfig = fc.record(
  {
    apiBaseUrl: fc.webUrl({ validSchemes: ['http', 'https'] }),
    apiKey: filled,
    auth: validAuth,
    defaultBoard: filled,
    serviceLevelTargetPercent: fc.integer({ min: 1, max: 100 }),
    /** Unknown keys are ignored, so an older build starts with a newer file. */
    futureOption: fc.jsonValue(),
  },
  { requiredKeys: ['apiKey', 'auth'] },
);

const garbage = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, '', '   ', '//evil.example/cb', '/cb?x=1', 'password', 'ftp://example.com', 'x'.repeat(50_000), null, [], {}, true),
  fc.string(),
  fc.integer(),
);

type Path = readonly string[];

/** Stands for "remove the field" in a mutation. */
const DELETE = Symbol('delete');

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...leafPaths(item, [...prefix, key])]);
}

function mutate(config: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(config) as Record<string, unknown>;
  let node = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const key = path[path.length - 1] as string;
  if (value === DELETE) Reflect.deleteProperty(node, key);
  else node[key] = value;
  return copy;
}

const mutatedConfig = validConfig.chain((config) =>
  fc.tuple(fc.constantFrom(...leafPaths(config)), fc.oneof({ weight: 4, arbitrary: garbage }, fc.constant(DELETE))).map(([path, value]) => ({
    path,
    broken: mutate(config, path, value),
  })),
);

describe('parseRuntimeConfig (properties)', () => {
  it('should never throw on any input and name a documented field (or the file) when it refuses', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expectNamedField(parseRuntimeConfig(input));
      }),
      RUNS,
    );
  });

  it('should accept every valid config, trimmed and with its defaults filled in', () => {
    fc.assert(
      fc.property(validConfig, (input) => {
        const result = parseRuntimeConfig(input);
        expect(result.ok ? '' : `${result.error.field}: ${result.error.message}`).toBe('');
        if (!result.ok) return;
        expect(result.config.apiKey).toBe(input.apiKey.trim());
        expect(result.config.auth?.clientId).toBe(input.auth.clientId.trim());
        expect(result.config.auth?.flow).toBe(input.auth.flow ?? 'code-pkce');
        expect(result.config.auth?.redirectPath).toBe(input.auth.redirectPath ?? '/auth/callback');
        expect(result.config.defaultBoard).toBe(input.defaultBoard?.trim() ?? 'queues');
        expect(result.config.apiBaseUrl).toBe(input.apiBaseUrl);
        expect(result.config.serviceLevelTargetPercent).toBe(input.serviceLevelTargetPercent ?? 80);
      }),
      RUNS,
    );
  });

  it('should refuse a valid config with one field broken at that field (or the object holding it), or accept it', () => {
    fc.assert(
      fc.property(mutatedConfig, ({ path, broken }) => {
        const result = parseRuntimeConfig(broken);
        expectNamedField(result);
        if (result.ok) return;
        const at = path.join('.');
        const { field } = result.error;
        const onTheLine = field === at || field.startsWith(`${at}.`) || at.startsWith(`${field}.`);
        expect(onTheLine, `broke "${at}", refused at "${field}": ${result.error.message}`).toBe(true);
      }),
      RUNS,
    );
  });
});

// ---- loading over a fake fetch -----------------------------------------------------------------

const NULL_BODY = new Set([204, 205, 304]);
const status = fc.oneof(fc.constantFrom(200, 200, 204, 301, 304, 404, 500, 503), fc.integer({ min: 200, max: 599 }));
const bodyText = fc.oneof(
  validConfig.map((c) => JSON.stringify(c)),
  mutatedConfig.map(({ broken }) => JSON.stringify(broken) ?? ''),
  fc.json(),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '<!doctype html><title>404</title>', '{"apiKey":', 'null', '\uFEFF{}'),
);
const rejection = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(
    new TypeError('Failed to fetch'),
    new DOMException('The operation was aborted.', 'AbortError'),
    undefined,
    null,
    'offline',
    Symbol('odd'),
    // What a wrapper or a polyfill may reject with: no way to turn it into a string.
    Object.create(null),
  ),
);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('loadRuntimeConfig (properties)', () => {
  it('should never reject, whatever the status and text the server answers', async () => {
    await fc.assert(
      fc.asyncProperty(status, bodyText, async (code, text) => {
        const fetchFn: typeof fetch = () => Promise.resolve(new Response(NULL_BODY.has(code) ? null : text, { status: code }));
        const result = await loadRuntimeConfig(fetchFn);
        expectNamedField(result);
        // What the loader reads: the text as the browser decodes it (a BOM dropped, lone surrogates replaced).
        const decoded = await new Response(text).text();
        if (code < 200 || code > 299) expect(result).toEqual({ ok: false, error: { field: CONFIG_FILE_FIELD, message: `config.json could not be loaded (HTTP ${code})` } });
        else if (NULL_BODY.has(code) || !isJson(decoded)) expect(result).toEqual({ ok: false, error: { field: CONFIG_FILE_FIELD, message: 'config.json is not valid JSON' } });
        else expect(result).toEqual(parseRuntimeConfig(JSON.parse(decoded)));
      }),
      RUNS,
    );
  });

  it('should never reject when fetch itself throws or rejects, with anything', async () => {
    await fc.assert(
      fc.asyncProperty(rejection, fc.boolean(), async (reason, synchronous) => {
        const fetchFn: typeof fetch = () => {
          if (synchronous) throw reason;
          return Promise.reject(reason);
        };
        const result = await loadRuntimeConfig(fetchFn);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.field).toBe(CONFIG_FILE_FIELD);
      }),
      RUNS,
    );
  });

  it('should never reject when reading the body fails', async () => {
    await fc.assert(
      fc.asyncProperty(rejection, async (reason) => {
        const response = { ok: true, status: 200, text: () => Promise.reject(reason) } as unknown as Response;
        const result = await loadRuntimeConfig(() => Promise.resolve(response));
        expect(result).toEqual({ ok: false, error: { field: CONFIG_FILE_FIELD, message: 'config.json is not valid JSON' } });
      }),
      { numRuns: 100 },
    );
  });
});
