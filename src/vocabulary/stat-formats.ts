/**
 * How a number is written (docs/vocabulary.md "Formats"): a share in percent, a count, a duration
 * in seconds shown as m:ss or h:mm:ss, or a decimal. An agent's state is not a number and has no format.
 */
export const STAT_FORMATS = ['percent', 'count', 'duration', 'decimal'] as const;
export type StatFormat = (typeof STAT_FORMATS)[number];
