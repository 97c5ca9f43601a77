import { describe, expect, it } from 'vitest';
import { planCompaction, type CompactionTiming } from './compaction-plan.ts';

const timing = (overrides: Partial<CompactionTiming> = {}): CompactionTiming => ({
  now: 10_000,
  settleMs: 5000,
  wantChangedAt: 0,
  replacing: new Set(),
  ...overrides,
});

describe('planCompaction', () => {
  it('should replace a partly used subscription once both it and the watched set have been unchanged for the settle delay', () => {
    const candidates = [
      { subscriptionId: 'old', openedAt: 1000, inUse: ['k1'] },
      { subscriptionId: 'young', openedAt: 8000, inUse: ['k2', 'k3'] },
    ];
    expect(planCompaction(candidates, timing())).toEqual({ due: [{ subscriptionId: 'old', keys: ['k1'] }], nextAt: 13_000 });
    expect(planCompaction(candidates, timing({ wantChangedAt: 9000 }))).toEqual({ due: [], nextAt: 14_000 });
    expect(planCompaction(candidates, timing({ now: 13_000 })).due.map((c) => c.subscriptionId)).toEqual(['old', 'young']);
  });

  it('should skip subscriptions whose replacement is in flight', () => {
    const candidates = [{ subscriptionId: 'old', openedAt: 0, inUse: ['k1'] }];
    expect(planCompaction(candidates, timing({ replacing: new Set(['old']) }))).toEqual({ due: [], nextAt: undefined });
  });
});
