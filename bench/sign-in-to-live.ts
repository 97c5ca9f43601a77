// `npm run bench:sign-in`: time from pressing "Sign in" on the sign-in page to the first live tile
// of the Queues board, against the mock serving the production build; median of 5 fresh browsers.
import { chromium } from '@playwright/test';
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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('input[name="username"]').fill('supervisor');
      await page.locator('input[name="password"]').fill('supervisor');
      const started = Date.now();
      await page.locator('form button[type="submit"]').click();
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
