// `npm run bench:sign-in`: time from pressing "Sign in" on the sign-in page to the first live tile
// of the Queues board, against the mock serving the production build; median of 5 fresh browsers.
import { launchChromium, submitSignIn } from './lib/browser.ts';
import { startMockServer } from '../mock-server/create-mock-server.ts';
import { tempStateDir } from '../mock-server/mock-options.ts';

const RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const server = await startMockServer({ port: 0, stateDir: tempStateDir(), distDir: 'dist', quiet: true, seed: 5 });
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const started = await submitSignIn(page, server.url);
      await page.locator('[data-testid="tile"][data-status="live"]').first().waitFor({ timeout: 30_000 });
      times.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.info(`sign-in → first live tile: ${times.join(', ')} ms; median ${median(times)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
