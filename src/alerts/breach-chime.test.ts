import { describe, expect, it } from 'vitest';
import { CHIME_WINDOW_MS, createBreachChime } from './breach-chime.ts';
import type { AlertLevel } from './breach-entry.ts';

/** A chime on a fake clock whose deferred flushes run when the test says (the end of a commit). */
function fakeChime(): { chime: ReturnType<typeof createBreachChime>; played: AlertLevel[]; commit: () => void; advance: (ms: number) => void } {
  const played: AlertLevel[] = [];
  let now = 1_000;
  let deferred: (() => void)[] = [];
  const chime = createBreachChime({ play: (level) => played.push(level), now: () => now, defer: (flush) => deferred.push(flush) });
  return {
    chime,
    played,
    commit: () => {
      const run = deferred;
      deferred = [];
      run.forEach((flush) => flush());
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

describe('createBreachChime', () => {
  it('should play one chime for the tiles that breach in one commit, at the worst level among them', () => {
    const { chime, played, commit } = fakeChime();
    for (let i = 0; i < 10; i++) chime.breached('warning');
    chime.breached('critical');
    chime.breached('warning');
    expect(played).toEqual([]);
    commit();
    expect(played).toEqual(['critical']);
  });

  it('should fold breaches within the window into the chime that played, and play again after it', () => {
    const { chime, played, commit, advance } = fakeChime();
    chime.breached('warning');
    commit();
    advance(CHIME_WINDOW_MS - 1);
    chime.breached('warning');
    commit();
    expect(played).toEqual(['warning']);
    advance(1);
    chime.breached('warning');
    commit();
    expect(played).toEqual(['warning', 'warning']);
  });

  it('should measure the window from the last chime played, not from the last breach folded into it', () => {
    const { chime, played, commit, advance } = fakeChime();
    chime.breached('warning');
    commit();
    for (let i = 0; i < 4; i++) {
      advance(CHIME_WINDOW_MS / 4);
      chime.breached('warning');
      commit();
    }
    expect(played).toEqual(['warning', 'warning']);
  });

  it('should play a critical even right after a warning, but not a critical right after a critical', () => {
    const { chime, played, commit, advance } = fakeChime();
    chime.breached('warning');
    commit();
    advance(100);
    chime.breached('critical');
    commit();
    advance(100);
    chime.breached('critical');
    chime.breached('warning');
    commit();
    expect(played).toEqual(['warning', 'critical']);
  });

  it('should play nothing when nothing breached', () => {
    const { played, commit } = fakeChime();
    commit();
    expect(played).toEqual([]);
  });
});
