import type { Page } from '@playwright/test';

/**
 * Runtime configurations of the app for the vendors the mock serves (README "Configuration"), and
 * how a spec gives one to the page: the app reads `/config.json` at start, so a spec answers that
 * request itself instead of restarting the worker's mock with `--source`.
 */
const ENGAGE = { id: 'genesys-v3', kind: 'genesys-v3', apiKey: 'wallboard-demo-key', auth: { clientId: 'wallboard', flow: 'code-pkce' } } as const;
const CLOUD = {
  id: 'genesys-cloud',
  kind: 'genesys-cloud',
  apiBaseUrl: '/genesys-cloud',
  loginBaseUrl: '/genesys-cloud/login',
  auth: { clientId: 'wallboard', flow: 'code-pkce' },
} as const;

/** What `npm start -- --source genesys-cloud` serves (mock-server/demo-config.ts). */
export const GENESYS_CLOUD_ONLY = { sources: [CLOUD], defaultSource: 'genesys-cloud', defaultBoard: 'queues' };

/** Both vendors in one deployment, Genesys Engage the default. */
export const ENGAGE_AND_CLOUD = { sources: [ENGAGE, CLOUD], defaultSource: 'genesys-v3', defaultBoard: 'queues' };

export async function useConfig(page: Page, config: unknown): Promise<void> {
  await page.context().route('**/config.json', (route) => route.fulfill({ json: config, headers: { 'cache-control': 'no-cache' } }));
}

export interface VendorSnapshot {
  readonly now: number;
  readonly queues: readonly { readonly id: string; readonly name: string; readonly waiting: readonly unknown[]; readonly ids: Readonly<Record<string, string>> }[];
  readonly agents: readonly {
    readonly id: string;
    readonly state: string;
    readonly since: number;
    readonly skills: readonly string[];
    readonly ids: Readonly<Record<string, string>>;
  }[];
}

/** The mock's ground truth with each object's id in every vendor facade. */
export async function vendorSnapshot(page: Page): Promise<VendorSnapshot> {
  return (await (await page.request.get('/mock/admin/snapshot')).json()) as VendorSnapshot;
}

/** An object's Genesys Cloud id, as the snapshot maps it. */
export function cloudId(object: { readonly ids: Readonly<Record<string, string>> }): string {
  const id = object.ids['genesys-cloud'];
  if (id === undefined) throw new Error('the snapshot gives no Genesys Cloud id');
  return id;
}

/** Tiles that are not live, as `stat|kind|id=status`, so a failure says which. */
export async function notLive(page: Page): Promise<string[]> {
  return page
    .getByTestId('tile')
    .evaluateAll((els) =>
      els
        .filter((e) => e.getAttribute('data-status') !== 'live')
        .map((e) => `${e.getAttribute('data-stat')}|${e.getAttribute('data-object-type')}|${e.getAttribute('data-object-id')}=${e.getAttribute('data-status')}`),
    );
}
