import type { BoardObjectType, Threshold } from '../boards/board-schema.ts';
import type { ValueFormat } from '../lib/format-value.ts';
import type { ObjectSource } from './tile-draft.ts';

/** A statistic as the editor offers it for one source of objects. */
export interface StatisticChoice {
  readonly name: string;
  /** What a person reads (src/tiles/statistic-labels.ts). */
  readonly label: string;
  /** One sentence from its definition: what is counted, over which window. */
  readonly meaning: string;
  /** The type it is asked of: a skill's queue statistics are its virtual `Queue`. */
  readonly objectType: BoardObjectType;
  /** How its value reads; absent for an agent state, which only the agent grid shows. */
  readonly format: ValueFormat | undefined;
  /** Pre-filled in the form when the statistic is chosen; the user may change or clear them. */
  readonly thresholds: readonly Threshold[];
}

export interface StatisticChoices {
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: string | undefined;
  /** Every statistic a tile on this source can show, by label. */
  readonly forSource: (source: ObjectSource) => readonly StatisticChoice[];
}
