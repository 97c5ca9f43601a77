/**
 * Reads a source map (version 3) well enough to say which source file and original name a
 * position of the minified build comes from: a CPU profile of the production bundle names
 * functions `s` and `Gt`, and the finding has to say which of our modules they are. A few dozen
 * lines of VLQ decoding rather than a dependency the project does not declare.
 */

export interface OriginalPosition {
  /** As the map lists it, e.g. `../../src/store/create-stat-store.ts`. */
  readonly source: string;
  /** 0-based, like the generated side. */
  readonly line: number;
  readonly column: number;
  readonly name: string | undefined;
}

export interface SourceMapLookup {
  /** The mapping at or before that 0-based generated position on its line, if the line has any. */
  lookup(line: number, column: number): OriginalPosition | undefined;
}

interface RawSourceMap {
  readonly sources: readonly (string | null)[];
  readonly names?: readonly string[];
  readonly mappings: string;
  readonly sourceRoot?: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment's base64 VLQ fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character "${char}"`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return out;
}

function isRawSourceMap(value: unknown): value is RawSourceMap {
  if (value === null || typeof value !== 'object') return false;
  const map = value as Record<string, unknown>;
  return Array.isArray(map.sources) && typeof map.mappings === 'string';
}

/** Segments per generated line: [generatedColumn, sourceIndex, sourceLine, sourceColumn, nameIndex?]. */
export function parseSourceMap(json: unknown): SourceMapLookup {
  if (!isRawSourceMap(json)) throw new Error('not a source map (no sources or mappings)');
  const lines: number[][][] = [];
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let nameIndex = 0;
  for (const lineText of json.mappings.split(';')) {
    let column = 0;
    const segments: number[][] = [];
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      column += fields[0] ?? 0;
      if (fields.length < 4) continue;
      sourceIndex += fields[1] ?? 0;
      sourceLine += fields[2] ?? 0;
      sourceColumn += fields[3] ?? 0;
      const segment = [column, sourceIndex, sourceLine, sourceColumn];
      if (fields.length >= 5) {
        nameIndex += fields[4] ?? 0;
        segment.push(nameIndex);
      }
      segments.push(segment);
    }
    lines.push(segments);
  }
  const names = json.names ?? [];
  return {
    lookup(line, column) {
      const segments = lines[line];
      if (!segments || segments.length === 0) return undefined;
      // Last segment starting at or before the column (segments are in column order).
      let low = 0;
      let high = segments.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if ((segments[mid]?.[0] ?? 0) <= column) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      const segment = segments[Math.max(0, found)];
      if (!segment) return undefined;
      const [, src = 0, srcLine = 0, srcColumn = 0, name] = segment;
      return {
        source: json.sources[src] ?? '(unknown)',
        line: srcLine,
        column: srcColumn,
        name: name === undefined ? undefined : names[name],
      };
    },
  };
}
