import { describe, expect, it } from 'vitest';
import { countedRoutes, createRequestCounts, vendorOfPath } from './request-counts.ts';

describe('request counts', () => {
  it('should tell each facade by its path', () => {
    expect(vendorOfPath('/genesys-cloud/api/v2/users')).toEqual({ vendor: 'genesys-cloud', root: '/genesys-cloud' });
    expect(vendorOfPath('/api/v2/queues')?.vendor).toBe('genesys-v3');
    expect(vendorOfPath('/statistics/v3/subscriptions')?.vendor).toBe('genesys-v3');
    expect(vendorOfPath('/api/v1/stats/sales')?.vendor).toBe('gws');
    expect(vendorOfPath('/8x8/api/rtstats/stats/queues.json')?.vendor).toBe('8x8');
    expect(vendorOfPath('/mock/admin/snapshot')).toBeUndefined();
    expect(vendorOfPath('/genesys-cloudy')).toBeUndefined();
  });

  it('should count answered requests by route pattern below the facade root, show gauges, and reset counts only', async () => {
    const counts = createRequestCounts();
    const [gc, admin] = countedRoutes(counts, [
      { method: 'GET', path: '/genesys-cloud/api/v2/routing/queues/:queueId', handler: () => ({ status: 200 }) },
      { method: 'GET', path: '/mock/admin/snapshot', handler: () => ({ status: 200 }) },
    ]);
    const request = { method: 'GET' as const, path: '', params: {}, query: new URLSearchParams(), headers: {}, cookies: {}, body: undefined, origin: '' };
    await gc?.handler(request);
    await gc?.handler(request);
    await admin?.handler(request);
    let open = 2;
    const remove = counts.registerGauge('genesys-cloud', 'openChannels', () => open);
    open = 3;
    expect(counts.view()).toEqual({ 'genesys-cloud': { 'GET /api/v2/routing/queues/:queueId': 2, openChannels: 3 } });
    counts.reset();
    expect(counts.view()).toEqual({ 'genesys-cloud': { openChannels: 3 } });
    remove();
    expect(counts.view()).toEqual({});
  });
});
