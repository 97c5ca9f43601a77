import { describe, expect, it } from 'vitest';
import { refusalMessages } from './refusal-messages.ts';

describe('refusalMessages', () => {
  it('should give each refused statistic the message that names it, as a whole word', () => {
    const errors = ['statistic "s12": unknown object', 'statistic "s1": unknown statistic'];
    expect(refusalMessages(['s1', 's12'], ['s1', 's12', 's3'], errors, 'fallback')).toEqual(
      new Map([
        ['s1', 'statistic "s1": unknown statistic'],
        ['s12', 'statistic "s12": unknown object'],
      ]),
    );
  });

  it('should fall back to a message that names no statistic, then to the request message', () => {
    expect(refusalMessages(['s1'], ['s1', 's2'], ['statistics[0]: objectId required'], 'Bad Request')).toEqual(
      new Map([['s1', 'statistics[0]: objectId required']]),
    );
    expect(refusalMessages(['s1'], ['s1', 's2'], ['statistic "s2": nope'], 'Bad Request')).toEqual(new Map([['s1', 'Bad Request']]));
  });
});
