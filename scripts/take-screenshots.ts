// `npm run screenshots`: the three shipped boards at 1920×1080, against the mock at a busy hour,
// into docs/screenshots/ (shown in the README). Needs a build (`npm run build`) and Chromium.
import { mkdirSync } from 'node:fs';
import { launchChromium, simulatedNow, submitSignIn, waitForSimulatedTime } from '../bench/lib/browser.ts';
import { startMockServer } from '../mock-server/create-mock-server.ts';
import { tempStateDir } from '../mock-server/mock-options.ts';

const OUT = 'docs/screenshots';
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
    distDir: 'dist',
    quiet: true,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await submitSignIn(page, server.url);
    await page.getByTestId('connection-status').and(page.locator('[data-state="live"]')).waitFor();
    for (const board of ['queues', 'skills', 'agents']) {
      await page.locator(`[data-testid="board-tab"][data-board="${board}"]`).click();
      await page.locator('[data-testid="tile"][data-status="live"]').first().waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="tile"]')].every((t) => t.getAttribute('data-status') === 'live'));
      if (board === 'queues') {
        // Fill the 30-minute trend: run the floor 60× until half an hour has passed, then back to
        // real time until one more notification period has come.
        const start = await simulatedNow(page, server.url);
        await page.request.post(`${server.url}/mock/admin/clock`, { data: { speed: 60 } });
        await waitForSimulatedTime(page, server.url, start, 30 * 60_000);
        await page.request.post(`${server.url}/mock/admin/clock`, { data: { speed: 1 } });
        await waitForSimulatedTime(page, server.url, await simulatedNow(page, server.url), 10_000);
      }
      await page.screenshot({ path: `${OUT}/${board}-board.png` });
      console.info(`wrote ${OUT}/${board}-board.png`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
