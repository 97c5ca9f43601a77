import { describe, expect, it } from 'vitest';
import { changeLatencies, finalMismatches, indexUpdates, sourceStamp, valuesShown, type TileChange } from './firehose-latency.ts';

const A = 'ServiceLevel|Queue|sales';
const B = 'InboundCalls|Agent|agent-01';

const index = indexUpdates([
  { key: A, value: 5, stampedAt: 1000 },
  { key: B, value: 7, stampedAt: 1000 },
  { key: A, value: 6, stampedAt: 1100 },
  { key: A, value: 5, stampedAt: 1200 },
  { key: B, value: 8, stampedAt: 1300 },
]);

const change = (key: string, value: number, seenAt: number, tile = 0): TileChange => ({ tile, key, value, seenAt });

describe('sourceStamp', () => {
  it('should find the update that carried the value shown', () => {
    expect(sourceStamp(index, change(A, 6, 1150))).toBe(1100);
  });

  it('should take the newest update with a repeated value, but never one stamped after the change was seen', () => {
    expect(sourceStamp(index, change(A, 5, 1250))).toBe(1200);
    expect(sourceStamp(index, change(A, 5, 1150))).toBe(1000);
  });

  it('should say undefined for a value the key never received, or a key never notified', () => {
    expect(sourceStamp(index, change(A, 9, 2000))).toBeUndefined();
    expect(sourceStamp(index, change('Other|Queue|x', 5, 2000))).toBeUndefined();
  });
});

describe('changeLatencies', () => {
  it('should time the changes inside the window and count those no update explains', () => {
    const result = changeLatencies(index, [change(A, 5, 1020), change(A, 6, 1130), change(B, 8, 1340, 1), change(B, 3, 1350, 1), change(A, 5, 1500)], { from: 1100, to: 1400 });
    expect(result.samples).toEqual([30, 40]);
    expect(result.unattributed).toBe(1);
  });
});

describe('valuesShown', () => {
  it('should count a new value of a statistic once, however many tiles show it', () => {
    const changes = [change(A, 5, 1010, 0), change(A, 5, 1010, 1), change(A, 6, 1110, 0), change(A, 6, 1110, 1), change(B, 8, 1310, 2)];
    expect(valuesShown(changes, { from: 0, to: 2000 })).toBe(3);
  });

  it('should judge the first change in the window against what the key showed before it', () => {
    const changes = [change(A, 5, 1010, 0), change(A, 5, 1110, 1), change(A, 6, 1120, 0)];
    expect(valuesShown(changes, { from: 1100, to: 2000 })).toBe(1);
  });
});

describe('finalMismatches', () => {
  it('should count statistics and tiles not on the last value received', () => {
    const check = finalMismatches(index.lastValues(), [
      { key: A, value: '5' },
      { key: A, value: '6' },
      { key: B, value: '8' },
      { key: 'Never|Queue|x', value: '1' },
    ]);
    expect(check).toEqual({ statistics: 1, tiles: 1, examples: [`${A}: 6 ≠ 5`] });
  });

  it('should find nothing when every tile is on its last value', () => {
    expect(finalMismatches(index.lastValues(), [{ key: A, value: '5' }, { key: B, value: '8' }]).statistics).toBe(0);
  });
});
