// `npm run bench:recovery`: how long the Queues board takes to be all live again after each fault
// of issue 5 is lifted, median of 3 runs, against the mock serving the production build. Also
// writes a screenshot of the stale look (docs/screenshots/stale-board.png).
import type { Page } from '@playwright/test';
import { launchChromium, submitSignIn } from './lib/browser.ts';
import { startMockServer } from '../mock-server/create-mock-server.ts';
import { tempStateDir } from '../mock-server/mock-options.ts';

const RUNS = 3;

interface Fault {
  readonly name: string;
  /** Puts the fault on and waits until the page shows it. */
  readonly inject: (page: Page, admin: Admin) => Promise<void>;
  /** Lifts it; recovery is timed from here to every tile live. */
  readonly lift: (page: Page, admin: Admin) => Promise<void>;
}

type Admin = (method: 'POST' | 'DELETE', path: string, body?: unknown) => Promise<void>;

const everyTile = (page: Page, status: string): Promise<unknown> =>
  page.waitForFunction(
    (wanted) => {
      const tiles = [...document.querySelectorAll('[data-testid="tile"]')];
      return tiles.length > 0 && tiles.every((t) => t.getAttribute('data-status') === wanted);
    },
    status,
    { timeout: 60_000, polling: 50 },
  );

const header = (page: Page, state: string): Promise<unknown> =>
  page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor({ timeout: 60_000 });

const FAULTS: readonly Fault[] = [
  {
    name: 'ServiceStateChange UNAVAILABLE → AVAILABLE',
    inject: async (page, admin) => {
      await admin('POST', 'service-state', { state: 'UNAVAILABLE' });
      await everyTile(page, 'stale');
    },
    lift: (_page, admin) => admin('POST', 'service-state', { state: 'AVAILABLE' }),
  },
  {
    name: 'CometD sessions dropped by the server',
    inject: async () => undefined,
    lift: (_page, admin) => admin('POST', 'faults', { dropCometdSessions: true }),
  },
  {
    name: 'all access tokens revoked',
    inject: async () => undefined,
    lift: (_page, admin) => admin('POST', 'tokens/revoke'),
  },
  {
    name: 'browser offline, then online',
    inject: async (page) => {
      await page.context().setOffline(true);
      await header(page, 'reconnecting');
      await everyTile(page, 'stale');
    },
    lift: async (page) => page.context().setOffline(false),
  },
  {
    name: '30 % of REST calls answered 5xx, then cleared (board switched meanwhile)',
    inject: async (page, admin) => {
      await admin('POST', 'faults', { httpErrorRate: 0.3 });
      await page.locator('[data-testid="board-tab"][data-board="skills"]').click();
      await page.locator('[data-testid="board-tab"][data-board="queues"]').click();
    },
    lift: (_page, admin) => admin('DELETE', 'faults'),
  },
];

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

async function main(): Promise<void> {
  const server = await startMockServer({ port: 0, stateDir: tempStateDir(), distDir: 'dist', quiet: true, seed: 5 });
  const admin: Admin = async (method, path, body) => {
    const response = await fetch(`${server.url}/mock/admin/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`admin ${path}: ${response.status}`);
  };
  const browser = await launchChromium();
  const rows: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await submitSignIn(page, server.url);
    await everyTile(page, 'live');

    // The stale look, for the docs: the service went away a moment ago.
    await admin('POST', 'service-state', { state: 'UNAVAILABLE' });
    await everyTile(page, 'stale');
    await page.screenshot({ path: 'docs/screenshots/stale-board.png' });
    await admin('POST', 'service-state', { state: 'AVAILABLE' });
    await everyTile(page, 'live');

    for (const fault of FAULTS) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await fault.inject(page, admin);
        const lifted = Date.now();
        await fault.lift(page, admin);
        await everyTile(page, 'live');
        await header(page, 'live');
        times.push(Date.now() - lifted);
        await admin('DELETE', 'faults');
      }
      rows.push(`| ${fault.name} | ${(median(times) / 1000).toFixed(2)} s | ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} |`);
      console.info(rows.at(-1));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.info(['| fault | median recovery | runs |', '| --- | --- | --- |', ...rows].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
