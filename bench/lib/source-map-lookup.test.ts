import { describe, expect, it } from 'vitest';
import { decodeVlq, parseSourceMap } from './source-map-lookup.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The encoder the spec describes, to write test maps from readable segments. */
function encode(values: readonly number[]): string {
  let out = '';
  for (const v of values) {
    let rest = v < 0 ? (-v << 1) | 1 : v << 1;
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      out += BASE64[digit];
    } while (rest > 0);
  }
  return out;
}

/** Absolute segments per line → the relative VLQ `mappings` string. */
function mappings(lines: ReadonlyArray<ReadonlyArray<readonly number[]>>): string {
  const previous = [0, 0, 0, 0, 0];
  return lines
    .map((segments) => {
      previous[0] = 0;
      return segments
        .map((segment) => {
          const relative = segment.map((v, i) => v - (previous[i] ?? 0));
          segment.forEach((v, i) => (previous[i] = v));
          return encode(relative);
        })
        .join(',');
    })
    .join(';');
}

describe('decodeVlq', () => {
  it('should decode the spec examples', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('C')).toEqual([1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq(encode([123456, -98765]))).toEqual([123456, -98765]);
  });

  it('should refuse a character outside base64', () => {
    expect(() => decodeVlq('A*')).toThrow(/bad VLQ/);
  });
});

describe('parseSourceMap', () => {
  const map = parseSourceMap({
    version: 3,
    sources: ['../../src/store/create-stat-store.ts', '../../node_modules/react-dom/cjs/react-dom-client.production.js'],
    names: ['flush', 'commitRoot'],
    // Line 0: col 0 → store line 10 col 2 "flush"; col 40 → react-dom line 500 col 0 "commitRoot". Line 1: col 5 → store line 20, no name.
    mappings: mappings([
      [
        [0, 0, 10, 2, 0],
        [40, 1, 500, 0, 1],
      ],
      [[5, 0, 20, 0]],
    ]),
  });

  it('should give the mapping at or before a generated column', () => {
    expect(map.lookup(0, 0)).toEqual({ source: '../../src/store/create-stat-store.ts', line: 10, column: 2, name: 'flush' });
    expect(map.lookup(0, 39)?.name).toBe('flush');
    expect(map.lookup(0, 41)).toEqual({ source: '../../node_modules/react-dom/cjs/react-dom-client.production.js', line: 500, column: 0, name: 'commitRoot' });
    expect(map.lookup(1, 9)).toEqual({ source: '../../src/store/create-stat-store.ts', line: 20, column: 0, name: undefined });
  });

  it('should say undefined for a line without mappings, and refuse what is not a source map', () => {
    expect(map.lookup(7, 0)).toBeUndefined();
    expect(() => parseSourceMap({ version: 3 })).toThrow(/not a source map/);
  });
});
