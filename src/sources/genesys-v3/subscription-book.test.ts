import { describe, expect, it } from 'vitest';
import type { EngageSpec } from './engage-spec.ts';
import { engageSpec } from './test-support/engage-spec.ts';
import { createSubscriptionBook } from './subscription-book.ts';

const spec = (objectId: string, statistic: EngageSpec['statistic'] = 'Current_In_Queue'): EngageSpec => engageSpec('Queue', objectId, statistic);
const statKey = (s: EngageSpec): string => s.key;
const sales = spec('sales');
const support = spec('support');
const billing = spec('billing');

describe('createSubscriptionBook', () => {
  it('should share one statistic between specs with the same key', () => {
    const book = createSubscriptionBook();
    const change = book.want([sales, { ...sales }, spec('x', { category: 'CurrentNumber', mainMask: 'CallWait' }), spec('x', { mainMask: 'CallWait', category: 'CurrentNumber' })]);
    expect(change.added).toHaveLength(2);
    expect(book.needingCreate()).toEqual(change.added);
  });

  it('should report only what changed between two wanted sets', () => {
    const book = createSubscriptionBook();
    book.want([sales, support]);
    expect(book.want([support, billing])).toEqual({ added: [statKey(billing)], removed: [statKey(sales)] });
  });

  it('should not ask to create keys that are open, being created or refused', () => {
    const book = createSubscriptionBook();
    book.want([sales, support, billing]);
    book.recordOpened('sub-1', [{ statisticId: 's1', key: statKey(sales) }], 0);
    book.markCreating([statKey(support)]);
    book.markRefused(statKey(billing), 'unknown object');
    expect(book.needingCreate()).toEqual([]);
    book.settleCreating([statKey(support)]);
    expect(book.needingCreate()).toEqual([statKey(support)]);
  });

  it('should map (subscriptionId, statisticId) back to the key', () => {
    const book = createSubscriptionBook();
    book.want([sales]);
    book.recordOpened('sub-1', [{ statisticId: 's1', key: statKey(sales) }], 0);
    expect(book.keyAt('sub-1', 's1')).toBe(statKey(sales));
    expect(book.keyAt('sub-1', 's2')).toBeUndefined();
    expect(book.keyAt('sub-2', 's1')).toBeUndefined();
    expect(book.locationOf(statKey(sales))).toEqual({ subscriptionId: 'sub-1', statisticId: 's1' });
  });

  it('should release a subscription only when none of its statistics is wanted', () => {
    const book = createSubscriptionBook();
    book.want([sales, support, billing]);
    book.recordOpened('sub-1', [
      { statisticId: 's1', key: statKey(sales) },
      { statisticId: 's2', key: statKey(support) },
    ], 0);
    book.recordOpened('sub-2', [{ statisticId: 's3', key: statKey(billing) }], 0);

    book.want([support, billing]);
    expect(book.releaseUnused()).toEqual([]);
    // Still open on the server: wanting it again needs no create.
    book.want([sales, support, billing]);
    expect(book.needingCreate()).toEqual([]);

    book.want([billing]);
    expect(book.releaseUnused()).toEqual(['sub-1']);
    expect(book.keyAt('sub-1', 's1')).toBeUndefined();
    expect(book.subscriptionIds()).toEqual(['sub-2']);
  });

  it('should forget a refusal when the key is no longer wanted, so wanting it again retries', () => {
    const book = createSubscriptionBook();
    book.want([sales]);
    book.markRefused(statKey(sales), 'nope');
    book.want([]);
    book.want([sales]);
    expect(book.refusal(statKey(sales))).toBeUndefined();
    expect(book.needingCreate()).toEqual([statKey(sales)]);
  });

  it('should forget one subscription or all of them and need their keys created again', () => {
    const book = createSubscriptionBook();
    book.want([sales, support]);
    book.recordOpened('sub-1', [{ statisticId: 's1', key: statKey(sales) }], 0);
    book.recordOpened('sub-2', [{ statisticId: 's2', key: statKey(support) }], 0);
    expect(book.forgetSubscription('sub-1')).toEqual([statKey(sales)]);
    expect(book.needingCreate()).toEqual([statKey(sales)]);
    book.markCreating([statKey(sales)]);
    expect(book.forgetAll()).toEqual(['sub-2']);
    expect(book.needingCreate()).toEqual([statKey(sales), statKey(support)]);
  });

  it('should list subscriptions partly in use with the keys they still serve', () => {
    const book = createSubscriptionBook();
    book.want([sales, support, billing]);
    book.recordOpened('sub-1', [
      { statisticId: 's1', key: statKey(sales) },
      { statisticId: 's2', key: statKey(support) },
    ], 10);
    book.recordOpened('sub-2', [{ statisticId: 's3', key: statKey(billing) }], 20);
    expect(book.partlyUsed()).toEqual([]);
    book.want([support, billing]);
    expect(book.partlyUsed()).toEqual([{ subscriptionId: 'sub-1', openedAt: 10, inUse: [statKey(support)] }]);
  });

  it('should count a key moved to a newer subscription as in use there only', () => {
    const book = createSubscriptionBook();
    book.want([sales, support]);
    book.recordOpened('old', [
      { statisticId: 's1', key: statKey(sales) },
      { statisticId: 's2', key: statKey(support) },
    ], 0);
    book.want([support]);
    book.recordOpened('new', [{ statisticId: 's3', key: statKey(support) }], 5);
    expect(book.locationOf(statKey(support))).toEqual({ subscriptionId: 'new', statisticId: 's3' });
    expect(book.partlyUsed()).toEqual([]);
    expect(book.releaseUnused()).toEqual(['old']);
    expect(book.holds('old')).toBe(false);
    expect(book.holds('new')).toBe(true);
    expect(book.locationOf(statKey(support))?.subscriptionId).toBe('new');
  });

  it('should forget every refusal at once, so those keys are created again', () => {
    const book = createSubscriptionBook();
    book.want([sales, support]);
    book.markRefused(statKey(sales), 'Forbidden');
    book.markRefused(statKey(support), 'unknown object');
    expect(book.needingCreate()).toEqual([]);
    expect(book.clearRefusals()).toBe(2);
    expect(book.refusal(statKey(sales))).toBeUndefined();
    expect(book.needingCreate()).toEqual([statKey(sales), statKey(support)]);
    expect(book.clearRefusals()).toBe(0);
  });
});
