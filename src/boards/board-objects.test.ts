import { describe, expect, it } from 'vitest';
import { resolveObjects } from './board-objects.ts';

const catalog = [
  { id: 'q10', name: 'Queue 10' },
  { id: 'q2', name: 'queue 2' },
  { id: 'a', name: 'Accounts' },
];

describe('resolveObjects', () => {
  it('should expand "*" to every object of the catalog, sorted by name (numbers in order, case ignored)', () => {
    expect(resolveObjects({ id: '*' }, catalog).map((o) => o.id)).toEqual(['a', 'q2', 'q10']);
  });

  it('should resolve "*" to nothing while the catalog is unknown', () => {
    expect(resolveObjects({ id: '*' }, undefined)).toEqual([]);
  });

  it('should name a concrete id from the catalog, or by the id itself', () => {
    expect(resolveObjects({ id: 'q2' }, catalog)).toEqual([{ id: 'q2', name: 'queue 2' }]);
    expect(resolveObjects({ id: 'gone' }, catalog)).toEqual([{ id: 'gone', name: 'gone' }]);
    expect(resolveObjects({ id: 'q2' }, undefined)).toEqual([{ id: 'q2', name: 'q2' }]);
  });
});
