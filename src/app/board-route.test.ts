import { describe, expect, it } from 'vitest';
import { boardHref, parseBoardRoute } from './board-route.ts';

describe('parseBoardRoute', () => {
  it('reads the board and whether it is being edited', () => {
    expect(parseBoardRoute('?board=queues')).toEqual({ boardId: 'queues', editing: false });
    expect(parseBoardRoute('?board=mine&edit=1')).toEqual({ boardId: 'mine', editing: true });
  });

  it('ignores an id that could not be a board and any other edit value', () => {
    expect(parseBoardRoute('?board=%3Cscript%3E&edit=yes')).toEqual({ boardId: undefined, editing: false });
  });
});

describe('boardHref', () => {
  it('keeps other parameters and drops the editor when leaving it', () => {
    expect(boardHref('?debug=1&board=a&edit=1', 'b')).toBe('?debug=1&board=b');
    expect(boardHref('?debug=1', 'b', true)).toBe('?debug=1&board=b&edit=1');
  });
});
