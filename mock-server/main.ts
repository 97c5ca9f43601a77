import { existsSync } from 'node:fs';
import { startMockServer } from './create-mock-server.ts';
import { parseMockArgs } from './mock-options.ts';

/** `npm run mock` / `npm start`: the mock contact center, serving the built SPA when there is one. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseMockArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const distDir = options.distDir ?? (existsSync('dist/index.html') ? 'dist' : undefined);
  const server = await startMockServer({ ...options, ...(distDir ? { distDir } : {}) });
  const port = new URL(server.url).port;
  console.info(
    `mock: seed ${options.seed}, speed ${options.speed}×, token TTL ${options.tokenTtlSec} s, time zone ${options.timeZone}` +
      (distDir ? `, serving ${distDir}/` : ', no built app (API only)'),
  );
  console.info(`wallboard ready at http://localhost:${port}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('mock: failed to start:', error);
  process.exit(1);
});
