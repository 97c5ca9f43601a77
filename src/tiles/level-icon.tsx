import type { ReactElement } from 'react';
import type { Level } from './level-for.ts';
import { LEVEL_LOOKS } from './level-look.ts';

/** The level's shape with its name for screen readers; nothing for `none`. */
export function LevelIcon({ level, className = '' }: { readonly level: Level; readonly className?: string }): ReactElement | null {
  const look = LEVEL_LOOKS[level];
  if (level === 'none') return null;
  return (
    <span role="img" aria-label={look.label} title={look.label} className={`${look.text} leading-none ${className}`}>
      {look.icon}
    </span>
  );
}
