import type { Level } from './level-for.ts';

export interface LevelLook {
  /** A shape per level, so a level never relies on colour alone. */
  readonly icon: string;
  /** What a screen reader says for the shape. */
  readonly label: string;
  /** The tile's frame and background. */
  readonly frame: string;
  /** The value's colour. */
  readonly text: string;
  /** A table cell's background (a cell has no frame of its own). */
  readonly cell: string;
  /** Flashes the tile a few times when it enters the level (src/index.css; not under reduced motion). */
  readonly flash: string;
}

/**
 * Critical is a filled red tile that shouts across a room; warning a loud amber frame; ok stays calm.
 * The critical tile keeps the dark palette in the light theme too (`dark-surface`, src/index.css),
 * and sets its own text colour rather than inherit the board's: all its text must stay light on the red.
 */
export const LEVEL_LOOKS: Readonly<Record<Level, LevelLook>> = {
  none: { icon: '', label: '', frame: 'border-slate-700 bg-slate-900', text: 'text-slate-50', cell: '', flash: '' },
  ok: { icon: '●', label: 'OK', frame: 'border-emerald-700 bg-slate-900', text: 'text-emerald-300', cell: '', flash: '' },
  warning: { icon: '▲', label: 'Warning', frame: 'border-amber-300 bg-amber-950', text: 'text-amber-200', cell: 'bg-amber-950', flash: 'breach-flash-warning' },
  critical: { icon: '◆', label: 'Critical', frame: 'dark-surface border-red-300 bg-red-800 text-slate-100', text: 'text-white', cell: 'bg-red-800', flash: 'breach-flash-critical' },
};
