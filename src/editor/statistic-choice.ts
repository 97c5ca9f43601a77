import type { Threshold } from '../boards/board-schema.ts';
import type { ValueFormat } from '../lib/format-value.ts';
import type { ObjectKind } from '../vocabulary/object-kinds.ts';

/** A statistic as the editor offers it for one source and kind of object. */
export interface StatisticChoice {
  readonly name: string;
  /** What a person reads. */
  readonly label: string;
  /** One sentence: what is counted, over which window, on this source. */
  readonly meaning: string;
  /** How its value reads; absent for an agent state, which only the agent grid shows. */
  readonly format: ValueFormat | undefined;
  /** Pre-filled in the form when the statistic is chosen; the user may change or clear them. */
  readonly thresholds: readonly Threshold[];
  /** The source can apply an answer-time target to it (`serviceLevelSeconds`). */
  readonly answerTimeTarget: boolean;
}

/** A wallboard statistic this source cannot supply: offered greyed out, so nobody hunts for it. */
export interface MissingStatistic {
  readonly name: string;
  readonly label: string;
}

export interface StatisticChoices {
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: string | undefined;
  /** The kinds of object the source lists. */
  readonly objectKinds: readonly ObjectKind[];
  /** The source's name for sentences ("Genesys Cloud"). */
  readonly sourceLabel: string;
  /** Every statistic a tile on objects of this kind can show, by label. */
  readonly forKind: (kind: ObjectKind) => readonly StatisticChoice[];
  /** The wallboard's statistics for this kind that the source does not supply. */
  readonly missingForKind: (kind: ObjectKind) => readonly MissingStatistic[];
}
