import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allBroken, playablePosition, type PlaylistEntryState } from './playlist.ts';

describe('playablePosition', () => {
  it('should show the entry asked for when it is ready', () => {
    expect(playablePosition(['ready', 'ready', 'ready'], 1)).toBe(1);
  });

  it('should skip broken boards and go round', () => {
    expect(playablePosition(['ready', 'broken', 'broken'], 1)).toBe(0);
    expect(playablePosition(['broken', 'ready'], 0)).toBe(1);
  });

  it('should wait for a board that is still loading rather than skip it', () => {
    expect(playablePosition(['ready', 'loading'], 1)).toBeUndefined();
    expect(playablePosition(['ready', 'broken', 'loading'], 1)).toBeUndefined();
  });

  it('should have nothing to show when every board is broken', () => {
    expect(playablePosition(['broken', 'broken'], 0)).toBeUndefined();
    expect(allBroken(['broken', 'broken'])).toBe(true);
    expect(allBroken(['broken', 'loading'])).toBe(false);
    expect(allBroken([])).toBe(false);
  });

  it('should only ever answer a ready entry, and one whenever all are settled and one is ready', () => {
    const state = fc.constantFrom<PlaylistEntryState>('ready', 'loading', 'broken');
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 12 }), fc.nat(), (states, from) => {
        const position = playablePosition(states, from % states.length);
        if (position !== undefined) expect(states[position]).toBe('ready');
        if (!states.includes('loading') && states.includes('ready')) expect(position).toBeDefined();
      }),
    );
  });
});
