import type { Route } from '../api/http-types.ts';

/**
 * What each vendor facade has been asked (`GET /mock/admin/requests`, docs/mock-server.md): request
 * counts per `"METHOD /route/pattern"` since start or the last reset, plus live gauges other modules
 * register (open notification channels, WebSockets, sessions). One instance per mock.
 */
export const VENDORS = ['genesys-v3', 'genesys-cloud', '8x8', 'gws'] as const;
export type Vendor = (typeof VENDORS)[number];

/** The facade a path belongs to, and the prefix its route patterns are shown without. */
export function vendorOfPath(path: string): { readonly vendor: Vendor; readonly root: string } | undefined {
  const under = (prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);
  if (under('/genesys-cloud')) return { vendor: 'genesys-cloud', root: '/genesys-cloud' };
  if (under('/8x8')) return { vendor: '8x8', root: '/8x8' };
  if (under('/api/v1/stats')) return { vendor: 'gws', root: '' };
  if (under('/auth/v3') || under('/statistics/v3') || under('/api/v2')) return { vendor: 'genesys-v3', root: '' };
  return undefined;
}

export interface RequestCounts {
  count(vendor: Vendor, key: string): void;
  /** A live value shown beside the counts (never reset); returns a function that removes it. */
  registerGauge(vendor: Vendor, name: string, read: () => number): () => void;
  /** `{ "<vendor>": { "<METHOD> <pattern>": n, "<gauge>": value } }`, only vendors with something to show. */
  view(): Record<string, Record<string, number>>;
  reset(): void;
}

export function createRequestCounts(): RequestCounts {
  let counts = new Map<Vendor, Map<string, number>>();
  const gauges = new Map<Vendor, Map<string, () => number>>();
  return {
    count(vendor, key) {
      let perVendor = counts.get(vendor);
      if (!perVendor) {
        perVendor = new Map();
        counts.set(vendor, perVendor);
      }
      perVendor.set(key, (perVendor.get(key) ?? 0) + 1);
    },
    registerGauge(vendor, name, read) {
      let perVendor = gauges.get(vendor);
      if (!perVendor) {
        perVendor = new Map();
        gauges.set(vendor, perVendor);
      }
      perVendor.set(name, read);
      return () => {
        if (gauges.get(vendor)?.get(name) === read) gauges.get(vendor)?.delete(name);
      };
    },
    view() {
      const out: Record<string, Record<string, number>> = {};
      for (const vendor of VENDORS) {
        const entries = [...(counts.get(vendor) ?? [])].sort(([a], [b]) => a.localeCompare(b));
        for (const [name, read] of gauges.get(vendor) ?? []) entries.push([name, read()]);
        if (entries.length > 0) out[vendor] = Object.fromEntries(entries);
      }
      return out;
    },
    reset() {
      counts = new Map();
    },
  };
}

/** The key a request is counted under: method and route pattern below the facade's root. */
export function requestKey(method: string, pattern: string, root: string): string {
  return `${method} ${pattern.slice(root.length) || '/'}`;
}

/** Routes that count each request they answer under their vendor (routes of no facade are left as they are). */
export function countedRoutes(counts: RequestCounts, routes: readonly Route[]): Route[] {
  return routes.map((route) => {
    const owner = vendorOfPath(route.path);
    if (!owner) return route;
    const key = requestKey(route.method, route.path, owner.root);
    return {
      ...route,
      handler(request) {
        counts.count(owner.vendor, key);
        return route.handler(request);
      },
    };
  });
}
