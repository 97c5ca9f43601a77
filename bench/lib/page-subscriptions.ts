import type { Page, Request } from '@playwright/test';

export interface SubscriptionWatch {
  /** The page's key (`data-stat|data-object-type|data-object-id`) a `statisticId` the page subscribed stands for. */
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
/**
 * `kindOf` tells the page's key of what went out on the wire: the request names the Statistics
 * API's object type (`Queue`, `GroupAgents`), the tile the wallboard's kind (`queue`, `skill`…), and
 * only the board knows which of its objects a wire type stands for (a skill's service level goes out
 * as a `Queue`).
 */
export function watchSubscriptions(page: Page, kindOf: (statistic: string, objectId: string) => string | undefined): SubscriptionWatch {
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
      if (typeof s.statisticId !== 'string' || typeof s.name !== 'string') continue;
      const objectId = String(s.objectId);
      keys.set(s.statisticId, `${s.name}|${kindOf(s.name, objectId) ?? String(s.objectType)}|${objectId}`);
    }
  };
  page.on('request', onRequest);
  return {
    keyOf: (statisticId) => keys.get(statisticId),
    size: () => keys.size,
    stop: () => page.off('request', onRequest),
  };
}
