import { describe, expect, it } from 'vitest';
import type { Level } from '../tiles/level-for.ts';
import { breachEntered } from './breach-entry.ts';

describe('breachEntered', () => {
  it('should sound when a breach begins or gets worse, and at the level it reached', () => {
    const cases: [Level, Level, string | undefined][] = [
      ['none', 'warning', 'warning'],
      ['ok', 'warning', 'warning'],
      ['ok', 'critical', 'critical'],
      ['none', 'critical', 'critical'],
      ['warning', 'critical', 'critical'],
    ];
    for (const [before, after, sounds] of cases) expect(breachEntered(before, after), `${before} → ${after}`).toBe(sounds);
  });

  it('should stay silent while a breach holds, eases or clears', () => {
    const cases: [Level, Level][] = [
      ['warning', 'warning'],
      ['critical', 'critical'],
      ['critical', 'warning'],
      ['warning', 'ok'],
      ['critical', 'none'],
      ['ok', 'ok'],
      ['none', 'ok'],
    ];
    for (const [before, after] of cases) expect(breachEntered(before, after), `${before} → ${after}`).toBeUndefined();
  });
});
