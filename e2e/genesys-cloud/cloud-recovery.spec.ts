import { expect, test, type Page } from '../support/fixtures.ts';
import { mockAdmin } from '../support/mock-admin.ts';
import { signIn } from '../support/sign-in.ts';
import { GENESYS_CLOUD_ONLY, notLive, useConfig } from '../support/sources.ts';

/**
 * The Genesys Cloud source (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app") gets over what the platform does to a long-running client —
 * a storm of 429s, a socket the platform closes for maintenance, a channel that expires, an access
 * token that stops working — without a reload and without showing the sign-in page.
 */
interface Watch {
  /** Navigations of the main frame since the board was live: a reload would be one. */
  readonly navigations: () => number;
  readonly signInPages: () => number;
}

async function liveBoard(page: Page): Promise<Watch> {
  await useConfig(page, GENESYS_CLOUD_ONLY);
  await signIn(page);
  await expect.poll(() => notLive(page), { timeout: 20_000 }).toEqual([]);
  let navigations = 0;
  let signInPages = 0;
  // A document request of the page itself: a reload or a sign-in redirect (a board tab changes the address in place, which is none).
  page.on('request', (request) => {
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    navigations += 1;
    if (request.url().includes('/oauth/authorize')) signInPages += 1;
  });
  return { navigations: () => navigations, signInPages: () => signInPages };
}

async function everyTileLiveAgain(page: Page, watch: Watch, timeout = 90_000): Promise<void> {
  await expect.poll(() => notLive(page), { timeout }).toEqual([]);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live');
  expect(watch.navigations()).toBe(0);
  expect(watch.signInPages()).toBe(0);
  await expect(page.locator('input[name="password"]')).toHaveCount(0);
}

async function requests(page: Page): Promise<number> {
  const counts = (await mockAdmin(page, 'GET', 'requests')) as Record<string, Record<string, number>>;
  return Object.entries(counts['genesys-cloud'] ?? {})
    .filter(([route]) => /^(GET|POST|PUT|DELETE|HEAD) /.test(route))
    .reduce((sum, [, count]) => sum + count, 0);
}

test.describe('Genesys Cloud recovery', () => {
  test.afterEach(async ({ page }) => {
    await page.request.delete('/mock/admin/faults');
  });

  test('should ride out a 429 storm, waiting as told, without a reload or a sign-in', async ({ page }) => {
    // Honouring a Retry-After of up to a minute takes that long.
    test.setTimeout(180_000);
    const watch = await liveBoard(page);
    await mockAdmin(page, 'POST', 'faults', { vendor: 'genesys-cloud', rateLimitPerMinute: 3 });
    let refused = 0;
    page.on('response', (response) => {
      if (response.status() === 429 && response.url().includes('/genesys-cloud/api/')) refused += 1;
    });
    const before = await requests(page);
    // Another board needs new listings and queries, which the limit answers with 429.
    await page.locator('[data-testid="board-tab"][data-board="skills"]').click();
    await expect.poll(() => refused, { timeout: 30_000 }).toBeGreaterThan(0);
    // Storming back would be dozens of requests within seconds; honouring Retry-After it is a handful.
    expect((await requests(page)) - before).toBeLessThan(40);
    await page.request.delete('/mock/admin/faults?vendor=genesys-cloud');
    await everyTileLiveAgain(page, watch);
  });

  test('should reconnect on socket_closing and after its channel expires, without a reload', async ({ page }) => {
    const watch = await liveBoard(page);
    const opened = async (): Promise<number> => ((await mockAdmin(page, 'GET', 'requests')) as Record<string, Record<string, number>>)['genesys-cloud']?.['POST /api/v2/notifications/channels'] ?? 0;
    await mockAdmin(page, 'POST', 'faults', { vendor: 'genesys-cloud', socketClosing: true });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await everyTileLiveAgain(page, watch);
    const channels = await opened();
    await mockAdmin(page, 'POST', 'faults', { vendor: 'genesys-cloud', expireChannels: true });
    // The expired channel is gone: a new one is made and subscribed.
    await expect.poll(opened, { timeout: 60_000 }).toBeGreaterThan(channels);
    await everyTileLiveAgain(page, watch);
  });

  test('should get a new token when the old one stops working, without a sign-in page', async ({ page }) => {
    const watch = await liveBoard(page);
    await mockAdmin(page, 'POST', 'tokens/revoke', {});
    // The next query gets 401; the source refreshes once and carries on.
    await page.locator('[data-testid="board-tab"][data-board="skills"]').click();
    await expect(page.getByTestId('board')).toHaveAttribute('data-board', 'skills');
    await everyTileLiveAgain(page, watch);
  });
});
