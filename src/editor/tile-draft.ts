import { BOARD_VERSION, parseBoard, type AggregateCombine, type BoardError, type BoardTile, type TableColumn, type Threshold, type TileLayout } from '../boards/board-schema.ts';
import type { ValueFormat } from '../lib/format-value.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';

/**
 * What the editor's tile form holds: text as typed, choices as made. A draft becomes a board tile
 * only through the board schema (`draftToTile`), so the editor can never save a tile that a file
 * import would refuse, and its errors name the same fields the board file has.
 */

export type TileKind = BoardTile['kind'];


export interface ThresholdDraft {
  readonly enabled: boolean;
  readonly when: Threshold['when'];
  /** As typed; checked when the draft is turned into a tile. */
  readonly value: string;
  /** Kept from a tile read from a file: the form has no field for it, an edit must not lose it. */
  readonly hysteresis?: number | undefined;
}

/** A table column as the board file has it; a column asked of another kind (version 1 files) keeps it. */
export type ColumnDraft = TableColumn;

export interface TileDraft {
  readonly kind: TileKind;
  /** The source id of the runtime configuration; empty for the default source. */
  readonly source: string;
  /** What the tile's objects are: queues, skills, agent groups or agents. */
  readonly objectKind: ObjectKind;
  /** `['*']` is every object of the kind; stat, table and trend tiles take one entry. */
  readonly objectIds: readonly string[];
  readonly statistic: string;
  readonly format: ValueFormat;
  readonly title: string;
  readonly warning: ThresholdDraft;
  readonly critical: ThresholdDraft;
  /** Thresholds of a tile read from a file beyond the first warning and critical one: kept as they are. */
  readonly otherThresholds: readonly Threshold[];
  readonly columns: readonly ColumnDraft[];
  readonly minutes: string;
  readonly combine: AggregateCombine;
  /** Answer-time target in seconds; empty for the statistic's own definition. */
  readonly serviceLevelSeconds: string;
  readonly weightStatistic?: string | undefined;
}

const OFF: ThresholdDraft = { enabled: false, when: 'above', value: '' };

export function emptyDraft(kind: TileKind): TileDraft {
  const agents = kind === 'agent-grid';
  return {
    kind,
    source: '',
    objectKind: agents ? 'agent' : 'queue',
    objectIds: ['*'],
    statistic: agents ? 'CurrentAgentState' : '',
    format: 'count',
    title: '',
    warning: OFF,
    critical: OFF,
    otherThresholds: [],
    columns: [],
    minutes: '30',
    combine: 'sum',
    serviceLevelSeconds: '',
  };
}

/** A new tile's size by kind: a single number is small, a table or grid needs room. */
export function defaultSize(kind: TileKind): { readonly w: number; readonly h: number } {
  switch (kind) {
    case 'stat':
    case 'aggregate':
      return { w: 3, h: 2 };
    case 'trend':
      return { w: 6, h: 3 };
    case 'table':
    case 'agent-grid':
      return { w: 12, h: 4 };
  }
}

/** The form's warning and critical rows for a list of thresholds; the rest are kept aside. */
export function thresholdDrafts(thresholds: readonly Threshold[] | undefined): Pick<TileDraft, 'warning' | 'critical' | 'otherThresholds'> {
  const list = thresholds ?? [];
  const warning = list.find((t) => t.level === 'warning');
  const critical = list.find((t) => t.level === 'critical');
  const draft = (t: Threshold | undefined): ThresholdDraft =>
    t ? { enabled: true, when: t.when, value: String(t.value), hysteresis: t.hysteresis } : OFF;
  return { warning: draft(warning), critical: draft(critical), otherThresholds: list.filter((t) => t !== warning && t !== critical) };
}

/** The form's view of a tile on the board, so its settings can be changed. */
export function tileToDraft(tile: BoardTile): TileDraft {
  const base = { ...emptyDraft(tile.kind), source: tile.source ?? '' };
  const title = tile.title ?? '';
  switch (tile.kind) {
    case 'stat':
    case 'trend':
      return {
        ...base,
        ...thresholdDrafts(tile.thresholds),
        objectKind: tile.object.kind,
        objectIds: [tile.object.id],
        statistic: tile.statistic,
        format: tile.format,
        title,
        serviceLevelSeconds: tile.serviceLevelSeconds === undefined ? '' : String(tile.serviceLevelSeconds),
        ...(tile.kind === 'trend' && { minutes: String(tile.minutes) }),
      };
    case 'table':
      return {
        ...base,
        objectKind: tile.object.kind,
        objectIds: [tile.object.id],
        title,
        columns: tile.columns,
      };
    case 'agent-grid':
      return { ...base, objectKind: tile.object.kind, objectIds: [tile.object.id], statistic: tile.statistic, title };
    case 'aggregate': {
      const first = tile.objects[0];
      return {
        ...base,
        ...thresholdDrafts(tile.thresholds),
        objectKind: first?.kind ?? 'queue',
        objectIds: tile.objects.map((o) => o.id),
        statistic: tile.statistic,
        format: tile.format,
        title,
        combine: tile.combine,
        weightStatistic: tile.weightStatistic,
      };
    }
  }
}

export type DraftResult = { readonly ok: true; readonly tile: BoardTile } | { readonly ok: false; readonly error: BoardError };

/** A number typed in a field: `undefined` for anything that is not one (never a silent 0). */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

function thresholdsOf(draft: TileDraft): readonly Threshold[] | string {
  const out: Threshold[] = [];
  for (const [level, t] of [
    ['warning', draft.warning],
    ['critical', draft.critical],
  ] as const) {
    if (!t.enabled) continue;
    const value = numberOf(t.value);
    if (value === undefined) return `${level}: enter a number`;
    out.push({ when: t.when, value, level, ...(t.hysteresis !== undefined && { hysteresis: t.hysteresis }) });
  }
  return [...out, ...draft.otherThresholds];
}

function fail(path: string, message: string): DraftResult {
  return { ok: false, error: { path, message } };
}

/**
 * The tile a draft describes, at `layout` under `id`, checked by the board schema. A refusal names
 * the field as the board file would (`thresholds[0].value`, `serviceLevelSeconds`).
 */
export function draftToTile(draft: TileDraft, id: string, layout: TileLayout): DraftResult {
  const title = draft.title.trim();
  const common = { id, layout, ...(title && { title }), ...(draft.source && { source: draft.source }) };
  const objectRef = (objectId: string): { readonly kind: ObjectKind; readonly id: string } => ({ kind: draft.objectKind, id: objectId });
  const needsStatistic = draft.kind !== 'table' && draft.kind !== 'agent-grid';
  if (needsStatistic && !draft.statistic) return fail('statistic', 'choose a statistic');
  if (draft.objectIds.length === 0) return fail('object', 'choose at least one object');
  const thresholds = thresholdsOf(draft);
  if (typeof thresholds === 'string') return fail('thresholds', thresholds);
  const withThresholds = thresholds.length > 0 ? { thresholds } : {};
  const seconds = numberOf(draft.serviceLevelSeconds);
  if (draft.serviceLevelSeconds.trim() !== '' && seconds === undefined) return fail('serviceLevelSeconds', 'enter a number of seconds');
  const slTarget = seconds === undefined ? {} : { serviceLevelSeconds: seconds };
  const firstId = draft.objectIds[0] ?? '*';

  let raw: unknown;
  switch (draft.kind) {
    case 'stat':
      raw = { ...common, kind: 'stat', object: objectRef(firstId), statistic: draft.statistic, format: draft.format, ...withThresholds, ...slTarget };
      break;
    case 'trend': {
      const minutes = numberOf(draft.minutes);
      if (minutes === undefined) return fail('minutes', 'enter a number of minutes');
      raw = { ...common, kind: 'trend', object: objectRef(firstId), statistic: draft.statistic, format: draft.format, minutes, ...withThresholds, ...slTarget };
      break;
    }
    case 'table': {
      if (draft.columns.length === 0) return fail('columns', 'choose at least one statistic for the columns');
      raw = { ...common, kind: 'table', object: objectRef(firstId), columns: draft.columns };
      break;
    }
    case 'agent-grid':
      raw = { ...common, kind: 'agent-grid', object: objectRef(firstId), statistic: draft.statistic || 'CurrentAgentState' };
      break;
    case 'aggregate': {
      const objects = draft.objectIds.map(objectRef);
      const weight = draft.combine === 'weighted-mean' && draft.weightStatistic ? { weightStatistic: draft.weightStatistic } : {};
      raw = { ...common, kind: 'aggregate', objects, statistic: draft.statistic, format: draft.format, combine: draft.combine, ...weight, ...withThresholds };
      break;
    }
  }
  const parsed = parseBoard({ version: BOARD_VERSION, id: 'draft', title: 'draft', tiles: [raw] });
  if (!parsed.ok) return fail(parsed.error.path.replace(/^tiles\[0\]\.?/, ''), parsed.error.message);
  const tile = parsed.board.tiles[0];
  return tile ? { ok: true, tile } : fail('', 'the tile could not be made');
}
