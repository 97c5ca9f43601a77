import type { Page, Request } from '@playwright/test';

export interface SubscriptionWatch {
  /** The store key (`statistic|objectType|objectId`) a `statisticId` the page subscribed stands for. */
  keyOf(statisticId: string): string | undefined;
  /** Statistic ids seen in the page's subscription requests so far. */
  size(): number;
  stop(): void;
}

const SUBSCRIPTIONS_PATH = '/statistics/v3/subscriptions';

interface SubscriptionBody {
  readonly data?: { readonly statistics?: ReadonlyArray<{ readonly statisticId?: unknown; readonly name?: unknown; readonly objectType?: unknown; readonly objectId?: unknown }> };
}

/**
 * Reads the page's `POST /statistics/v3/subscriptions` bodies as they go out. A StatisticUpdate
 * names only `(subscriptionId, statisticId)`, and the app picks the statistic ids itself (one
 * counter per page, so they are unique across its subscriptions): its own requests are the one
 * place that says which tile a notified value belongs to.
 */
export function watchSubscriptions(page: Page): SubscriptionWatch {
  const keys = new Map<string, string>();
  const onRequest = (request: Request): void => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== SUBSCRIPTIONS_PATH) return;
    let body: SubscriptionBody;
    try {
      body = JSON.parse(request.postData() ?? '') as SubscriptionBody;
    } catch {
      return;
    }
    for (const s of body.data?.statistics ?? []) {
      // Pre-configured statistics only: the benchmark's board has no inline definitions.
      if (typeof s.statisticId === 'string' && typeof s.name === 'string') keys.set(s.statisticId, `${s.name}|${String(s.objectType)}|${String(s.objectId)}`);
    }
  };
  page.on('request', onRequest);
  return {
    keyOf: (statisticId) => keys.get(statisticId),
    size: () => keys.size,
    stop: () => page.off('request', onRequest),
  };
}
