// `npx tsx bench/chart-redraws.ts [--dist DIR]`: how often the Queues board's trend chart redraws
// while `/mock/admin/firehose` pushes 5,000 updates/s, counted in the page as mutations of the
// chart's line paths per second (issue 7: "charts updated ≤ 1 Hz"). Needs a build in dist/.
import { launchChromium, submitSignIn } from './lib/browser.ts';
import { startMockServer } from '../mock-server/create-mock-server.ts';
import { tempStateDir } from '../mock-server/mock-options.ts';

const SECONDS = 20;
const dist = process.argv.includes('--dist') ? (process.argv[process.argv.indexOf('--dist') + 1] ?? 'dist') : 'dist';

async function main(): Promise<void> {
  const server = await startMockServer({ port: 0, stateDir: tempStateDir(), distDir: dist, quiet: true, seed: 5, speed: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await submitSignIn(page, server.url);
    await page.locator('[data-testid="tile"][data-status="live"]').first().waitFor({ timeout: 30_000 });
    // At speed 0 only the firehose moves values: start it, then wait until the lines are drawn.
    const started = await page.request.post(`${server.url}/mock/admin/firehose`, { data: { updatesPerSecond: 5000 } });
    if (!started.ok()) throw new Error(`firehose: ${started.status()}`);
    await page.locator('svg .recharts-line path').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.evaluate(() => {
      const counter = { redraws: 0 };
      (window as unknown as { __redraws: typeof counter }).__redraws = counter;
      const chart = document.querySelector('svg .recharts-line')?.closest('svg');
      if (!chart) throw new Error('no chart');
      // One redraw = one batch of mutations to the chart (recharts rewrites paths or replaces them).
      new MutationObserver(() => {
        counter.redraws++;
      }).observe(chart, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    const from = Date.now();
    // The measuring window itself (redraws per second of real time), not a wait for something to happen.
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const redraws = await page.evaluate(() => (window as unknown as { __redraws: { redraws: number } }).__redraws.redraws);
    const seconds = (Date.now() - from) / 1000;
    await page.request.delete(`${server.url}/mock/admin/firehose`);
    console.info(JSON.stringify({ redraws, seconds: Number(seconds.toFixed(1)), redrawsPerSecond: Number((redraws / seconds).toFixed(2)) }));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
