import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, recordEdit, redo, startHistory, undo, UNDO_LIMIT } from './edit-history.ts';

describe('edit history', () => {
  it('should undo and redo edits in order, and forget the redo line on a new edit', () => {
    let h = startHistory('a');
    h = recordEdit(h, 'b');
    h = recordEdit(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    h = recordEdit(h, 'd');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('should keep at least the last 20 edits undoable, and no more than its limit', () => {
    let h = startHistory(0);
    for (let i = 1; i <= UNDO_LIMIT + 30; i++) h = recordEdit(h, i);
    expect(h.past).toHaveLength(UNDO_LIMIT);
    for (let i = 0; i < 20; i++) h = undo(h);
    expect(h.present).toBe(UNDO_LIMIT + 30 - 20);
  });

  it('should get back to every earlier state by undoing, and to the latest by redoing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (edits) => {
        let h = startHistory<number | undefined>(undefined);
        const states: (number | undefined)[] = [undefined];
        for (const e of edits) {
          const next = recordEdit(h, e);
          if (next !== h) states.push(e);
          h = next;
        }
        for (let i = states.length - 1; i >= 0; i--) {
          expect(h.present).toBe(states[i]);
          h = undo(h);
        }
        while (canRedo(h)) h = redo(h);
        expect(h.present).toBe(states.at(-1));
      }),
    );
  });
});
