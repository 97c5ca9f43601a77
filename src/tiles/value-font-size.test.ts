import { describe, expect, it } from 'vitest';
import { valueFontSize } from './value-font-size.ts';

describe('valueFontSize', () => {
  it('keeps one size for every value within the format’s reservation', () => {
    const sizes = new Set(['0', '7', '42', '999'].map((text) => valueFontSize(text, 56, 'count')));
    expect(sizes).toEqual(new Set(['min(56cqh, 44.7cqw)']));
    expect(new Set(['0%', '80%', '100%'].map((text) => valueFontSize(text, 56, 'percent'))).size).toBe(1);
    expect(new Set(['0:07', '9:59', '59:59'].map((text) => valueFontSize(text, 56, 'duration'))).size).toBe(1);
  });

  it('narrows for a value wider than the reservation', () => {
    const reserved = valueFontSize('999', 56, 'count');
    const wider = valueFontSize('12,345', 56, 'count');
    expect(wider).not.toBe(reserved);
    expect(Number(/([\d.]+)cqw/.exec(wider)?.[1])).toBeLessThan(Number(/([\d.]+)cqw/.exec(reserved)?.[1]));
    expect(valueFontSize('1:02:03', 56, 'duration')).not.toBe(valueFontSize('2:03', 56, 'duration'));
  });

  it('sizes a state name for the text itself', () => {
    expect(valueFontSize('Ready', 48)).not.toBe(valueFontSize('After call work', 48));
  });
});
