// `npm run screenshots`: the three shipped boards at 1920×1080 (the Queues board in the light theme
// too), the board editor, then the kiosk at 1920×1080 and 3840×2160 (with and without its health overlay), against the
// mock at a busy hour, into docs/screenshots/ (shown in the README and docs/kiosk.md). Needs a build
// (`npm run build`) and Chromium. SCREENSHOTS_DIST and SCREENSHOTS_OUT point it at another build and
// folder, so one picture can be retaken without touching the others.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, simulatedNow, submitSignIn, waitForSimulatedTime } from '../bench/lib/browser.ts';
import { startMockServer } from '../mock-server/create-mock-server.ts';
import { tempStateDir } from '../mock-server/mock-options.ts';

const OUT = process.env.SCREENSHOTS_OUT ?? 'docs/screenshots';
const BUSY_MORNING = Date.UTC(2026, 10, 23, 10, 45);

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startMockServer({
    port: 0,
    stateDir: tempStateDir(),
    seed: 11,
    speed: 1,
    timeZone: 'UTC',
    startAt: BUSY_MORNING,
    distDir: process.env.SCREENSHOTS_DIST ?? 'dist',
    quiet: true,
  });
  const browser = await launchChromium();
  try {
    // The system asks for dark, so the app's default 'system' theme is dark; light is chosen below.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, colorScheme: 'dark' });
    await submitSignIn(page, server.url);
    await page.getByTestId('connection-status').and(page.locator('[data-state="live"]')).waitFor();
    for (const board of ['queues', 'skills', 'agents']) {
      await page.locator(`[data-testid="board-tab"][data-board="${board}"]`).click();
      await page.locator('[data-testid="tile"][data-status="live"]').first().waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="tile"]')].every((t) => t.getAttribute('data-status') === 'live'));
      // Fill the 30-minute trend: run the floor 60× until half an hour has passed, then back to
      // real time until one more notification period has come.
      if (board === 'queues') await fillTrend(page, server.url);
      await page.screenshot({ path: `${OUT}/${board}-board.png` });
      console.info(`wrote ${OUT}/${board}-board.png`);
      if (board === 'queues') await lightScreenshot(page, board);
    }
    await page.close();
    await editorScreenshots(browser, server.url);
    await kioskScreenshots(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The same board in the light theme, chosen in the header as a person would, then back to the system's. */
async function lightScreenshot(page: Page, board: string): Promise<void> {
  await page.getByTestId('theme-switch').selectOption('light');
  await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
  await page.screenshot({ path: `${OUT}/${board}-board-light.png` });
  console.info(`wrote ${OUT}/${board}-board-light.png`);
  await page.getByTestId('theme-switch').selectOption('system');
}

/**
 * The board editor (docs/boards.md): a copy of the Queues board with a tile's settings open, a new
 * combined tile being set up, and the same in the light theme.
 */
async function editorScreenshots(browser: Browser, baseUrl: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, colorScheme: 'dark' });
  await submitSignIn(page, baseUrl);
  await page.getByTestId('connection-status').and(page.locator('[data-state="live"]')).waitFor();
  await page.getByTestId('board-menu').click();
  await page.getByTestId('board-edit').click();
  await page.getByTestId('board-editor').waitFor();
  await page.locator('[data-testid="tile"][data-status="live"]').first().waitFor();
  await page.getByTestId('editor-tile').first().click();
  await page.getByTestId('tile-form').waitFor();
  await page.screenshot({ path: `${OUT}/editor.png` });
  console.info(`wrote ${OUT}/editor.png`);

  await page.getByTestId('editor-add-tile').click();
  const form = page.getByTestId('tile-form');
  await form.locator('[data-testid="tile-kind"][data-kind="aggregate"]').check();
  for (const id of ['sales', 'support', 'billing']) await form.locator(`[data-testid="object-option"][data-object="${id}"]`).check();
  await form.getByTestId('tile-statistic').selectOption('ServiceLevel');
  await form.getByTestId('tile-combine').selectOption('weighted-mean');
  await page.screenshot({ path: `${OUT}/editor-add-tile.png` });
  console.info(`wrote ${OUT}/editor-add-tile.png`);

  await page.getByTestId('theme-switch').selectOption('light');
  await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
  await page.screenshot({ path: `${OUT}/editor-light.png` });
  console.info(`wrote ${OUT}/editor-light.png`);
  await page.getByTestId('theme-switch').selectOption('system');
  await page.close();
}

async function fillTrend(page: Page, baseUrl: string): Promise<void> {
  const start = await simulatedNow(page, baseUrl);
  await page.request.post(`${baseUrl}/mock/admin/clock`, { data: { speed: 60 } });
  await waitForSimulatedTime(page, baseUrl, start, 30 * 60_000);
  await page.request.post(`${baseUrl}/mock/admin/clock`, { data: { speed: 1 } });
  await waitForSimulatedTime(page, baseUrl, await simulatedNow(page, baseUrl), 10_000);
}

/** The kiosk as a TV shows it: one page, so the trend it filled is there at both sizes. */
async function kioskScreenshots(browser: Browser, baseUrl: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, colorScheme: 'dark' });
  await submitSignIn(page, `${baseUrl}/kiosk?board=queues`, 'kiosk');
  await page.getByTestId('kiosk').waitFor();
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('[data-testid="tile"]')];
    return tiles.length > 0 && tiles.every((t) => t.getAttribute('data-status') === 'live');
  });
  await fillTrend(page, baseUrl);
  // The idle cursor is hidden; move the pointer away from the board anyway.
  await page.mouse.move(0, 0);
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `${OUT}/kiosk-${width}x${height}.png` });
    console.info(`wrote ${OUT}/kiosk-${width}x${height}.png`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('h');
  await page.getByTestId('health-overlay').waitFor();
  await page.screenshot({ path: `${OUT}/kiosk-health.png` });
  console.info(`wrote ${OUT}/kiosk-health.png`);
  await page.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
