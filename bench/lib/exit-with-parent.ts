/**
 * Preloaded into the benchmark's mock process (`node --import`): if the load generator that
 * started it dies without stopping it (SIGKILL, a killed `npx`, a crash), the mock is re-parented
 * and would keep a core busy with orphaned sessions. It notices within a second and stops itself
 * the normal way (SIGTERM, so a --cpu-prof profile is still written), or hard after 10 s.
 */
const PARENT = process.ppid;
const CHECK_EVERY_MS = 1000;
const HARD_EXIT_AFTER_MS = 10_000;

const watchdog = setInterval(() => {
  if (process.ppid === PARENT) return;
  clearInterval(watchdog);
  setTimeout(() => process.exit(1), HARD_EXIT_AFTER_MS).unref();
  process.kill(process.pid, 'SIGTERM');
}, CHECK_EVERY_MS);
// Never the reason the mock stays alive.
watchdog.unref();

export {};
