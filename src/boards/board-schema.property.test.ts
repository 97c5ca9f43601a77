/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, parseBoard, parseBoardText, type ParseBoardResult } from './board-schema.ts';

/**
 * Properties of the board file parser (docs/boards.md): it never throws, a refusal
 * always names a path and a message, every shipped board parses, and a valid board with one field
 * broken is either still valid or refused at that field (or above it), so a person can fix the file.
 */

const RUNS = { numRuns: 300 };

const BOARDS_DIR = join(import.meta.dirname, '../../public/boards');
const SHIPPED = readdirSync(BOARDS_DIR)
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .map((file) => ({ file, json: JSON.parse(readFileSync(join(BOARDS_DIR, file), 'utf8')) as unknown }));

function expectRefusalShape(result: ParseBoardResult): void {
  if (result.ok) return;
  expect(typeof result.error.path).toBe('string');
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(0);
}

// ---- valid boards ------------------------------------------------------------------------------

/** JSON has no -0: a board that went through a file never holds one. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const text = fc.string({ minLength: 1, maxLength: 20 });
const format = fc.constantFrom('percent', 'count', 'duration', 'decimal');
const layout = fc
  .integer({ min: 0, max: GRID_COLUMNS - 1 })
  .chain((x) => fc.record({ x: fc.constant(x), y: fc.nat(40), w: fc.integer({ min: 1, max: GRID_COLUMNS - x }), h: fc.integer({ min: 1, max: 12 }) }));
const threshold = fc.record({ when: fc.constantFrom('above', 'below'), value: finite, level: fc.constantFrom('warning', 'critical') });
const thresholds = fc.array(threshold, { maxLength: 3 });
const catalog = fc.constantFrom('queues', 'skills', 'agents', 'agent-groups');
const objectRef = fc.record({ type: fc.constantFrom('Queue', 'GroupAgents', 'Agent'), id: fc.oneof(fc.constant('*'), text), catalog }, { requiredKeys: ['type', 'id'] });
const common = { title: fc.string({ maxLength: 20 }), object: objectRef, layout };

const statTile = fc.record(
  { ...common, kind: fc.constant('stat'), statistic: text, format, thresholds },
  { requiredKeys: ['object', 'layout', 'statistic', 'format'] },
);
const tableTile = fc.record(
  {
    ...common,
    kind: fc.constant('table'),
    columns: fc.array(
      fc.record({ statistic: text, label: fc.string(), format, objectType: fc.constantFrom('Queue', 'GroupAgents', 'Agent'), thresholds }, { requiredKeys: ['statistic', 'format'] }),
      { minLength: 1, maxLength: 4 },
    ),
  },
  { requiredKeys: ['object', 'layout', 'kind', 'columns'] },
);
const agentGridTile = fc.record(
  { ...common, kind: fc.constant('agent-grid'), object: fc.record({ type: fc.constant('Agent'), id: fc.oneof(fc.constant('*'), text), catalog }, { requiredKeys: ['type', 'id'] }), statistic: text },
  { requiredKeys: ['object', 'layout', 'kind'] },
);
const trendTile = fc.record(
  { ...common, kind: fc.constant('trend'), statistic: text, format, minutes: fc.integer({ min: 1, max: 180 }), thresholds },
  { requiredKeys: ['object', 'layout', 'kind', 'statistic', 'format'] },
);
const tile = fc.tuple(text, fc.oneof(statTile, tableTile, agentGridTile, trendTile)).map(([id, rest]) => ({ id, ...rest }));

const generatedBoard = fc.record(
  {
    version: fc.constant(1),
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    title: text,
    sound: fc.boolean(),
    tiles: fc.uniqueArray(tile, { selector: (t) => t.id, maxLength: 6 }),
  },
  { requiredKeys: ['version', 'id', 'title', 'tiles'] },
);
const validBoard: fc.Arbitrary<unknown> = fc.oneof(generatedBoard, fc.constantFrom(...SHIPPED.map((s) => s.json)));

// ---- one field mutated -------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>;

/** The error's path notation (`tiles[2].thresholds[0].level`). */
function formatPath(path: Path): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every node below the root, objects and arrays included. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  return [];
}

function objectPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...prefix, i]));
  if (isObject(value)) return [prefix, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...prefix, key]))];
  return [];
}

/** Reads the parent of `path` in a (cloned) tree. */
function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root;
  for (const part of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[part];
  return node as Record<string | number, unknown>;
}

/** Sets like JSON.parse does: an own property, even for `__proto__`. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation =
  | { readonly op: 'replace'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: Path }
  | { readonly op: 'add'; readonly path: Path; readonly value: unknown };

function mutate(board: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(board);
  const parent = parentOf(copy, mutation.path);
  const key = mutation.path[mutation.path.length - 1] as string | number;
  if (mutation.op === 'delete') Reflect.deleteProperty(parent, key);
  else setOwn(parent, key, mutation.value);
  return copy;
}

const garbage = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.5, -1, 13, 2 ** 53, Number.MAX_VALUE, '', ' ', 'x'.repeat(100_000), null, [], {}, true, '*', 'stat', 'table', 'Agent'),
  fc.string(),
  fc.integer(),
  fc.double(),
);
const newKey = fc.oneof(fc.stringMatching(/^[A-Za-z_$][\w$]{0,12}$/), fc.constantFrom('__proto__', 'constructor', 'toString', 'kind', 'catalog', 'statistic', 'thresholds'));

const mutated = validBoard.chain((board) => {
  const replaceable = paths(board);
  const holders = objectPaths(board);
  // Plausible values too: another small integer, or a string found elsewhere in the board (another tile's id, kind, …).
  const strings = [...new Set(replaceable.map((p) => parentOf(board, p)[p[p.length - 1] as string | number]).filter((v): v is string => typeof v === 'string'))];
  const plausible = fc.oneof(fc.integer({ min: -2, max: 200 }), strings.length > 0 ? fc.constantFrom(...strings) : fc.string());
  const replace = fc.tuple(fc.constantFrom(...replaceable), fc.oneof(garbage, plausible)).map(([path, value]): Mutation => ({ op: 'replace', path, value }));
  const remove = fc.constantFrom(...replaceable.filter((p) => typeof p[p.length - 1] === 'string')).map((path): Mutation => ({ op: 'delete', path }));
  const add = fc
    .tuple(fc.constantFrom(...holders), newKey, garbage)
    .filter(([holder, key]) => !Object.hasOwn(parentOf(board, [...holder, key]), key))
    .map(([holder, key, value]): Mutation => ({ op: 'add', path: [...holder, key], value }));
  const mutations = replaceable.length > 0 ? fc.oneof({ weight: 3, arbitrary: replace }, remove, add) : add;
  return mutations.map((mutation) => ({ board, mutation, broken: mutate(board, mutation) }));
});

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

/**
 * The refusal points at the mutated field, above it, or inside what replaced it. Three rules span
 * fields, each within the mutated tile: `x + w` is reported at `w`; a tile's `kind` decides which
 * of its fields are allowed; a duplicate id is reported at the later of the two tiles.
 */
function pointsAtMutation(errorPath: string, message: string, mutated: Path): boolean {
  const at = formatPath(mutated);
  if (within(errorPath, at) || (errorPath !== '' && within(at, errorPath))) return true;
  const [top, index, field] = mutated;
  if (top !== 'tiles' || typeof index !== 'number') return false;
  const tilePath = formatPath(['tiles', index]);
  if (field === 'layout') return within(errorPath, `${tilePath}.layout`);
  if (field === 'kind' && mutated.length === 3) return within(errorPath, tilePath);
  if (field === 'id' && mutated.length === 3) return /^tiles\[\d+\]\.id$/.test(errorPath) && message.startsWith('duplicate tile id');
  return false;
}

// ---- properties --------------------------------------------------------------------------------

describe('board schema (properties)', () => {
  it('should parse every shipped board', () => {
    expect(SHIPPED.length).toBeGreaterThan(0);
    for (const { file, json } of SHIPPED) {
      const result = parseBoard(json);
      expect(result.ok ? '' : `${file}: ${result.error.path}: ${result.error.message}`).toBe('');
    }
  });

  it('should never throw on any value and always name a path and a message when it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.json().map((t): unknown => JSON.parse(t))), (json) => {
        expectRefusalShape(parseBoard(json));
      }),
      RUNS,
    );
  });

  it('should never throw on any text and report a syntax error for the file as a whole', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), generatedBoard.map((b) => JSON.stringify(b).slice(0, -1))), (text) => {
        const result = parseBoardText(text);
        expectRefusalShape(result);
        let isJson = true;
        try {
          JSON.parse(text);
        } catch {
          isJson = false;
        }
        if (!isJson) expect(result).toMatchObject({ ok: false, error: { path: '', message: expect.stringMatching(/^not JSON: /) } });
      }),
      { numRuns: 150 },
    );
  });

  it('should accept every generated valid board, from a value and from its text alike', () => {
    fc.assert(
      fc.property(generatedBoard, (board) => {
        const result = parseBoard(board);
        expect(result.ok ? '' : `${result.error.path}: ${result.error.message}`).toBe('');
        expect(parseBoardText(JSON.stringify(board))).toEqual(result);
      }),
      RUNS,
    );
  });

  it('should refuse a valid board with one field mutated at that field or above it, or accept it', () => {
    fc.assert(
      fc.property(mutated, ({ mutation, broken }) => {
        const result = parseBoard(broken);
        expectRefusalShape(result);
        if (result.ok) return;
        const at = formatPath(mutation.path);
        expect(
          pointsAtMutation(result.error.path, result.error.message, mutation.path),
          `${mutation.op} at "${at}" was refused at "${result.error.path}": ${result.error.message}`,
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('should refuse a valid board whose one string or number field got a value of another type', () => {
    // Never coerced into a board: a number where a string belongs (or the reverse) is always refused.
    const leafOfWrongType = mutated.filter(({ mutation, board }) => {
      if (mutation.op !== 'replace') return false;
      const original = parentOf(board, mutation.path)[mutation.path[mutation.path.length - 1] as string | number];
      return ['string', 'number'].includes(typeof original) && typeof mutation.value !== typeof original && mutation.value !== undefined;
    });
    fc.assert(
      fc.property(leafOfWrongType, ({ broken }) => {
        expect(parseBoard(broken).ok).toBe(false);
      }),
      RUNS,
    );
  });
});
