/**
 * Preloaded into a benchmark's mock process (`node --expose-gc --import`) when it asks for heap
 * readings: on SIGUSR2 the mock runs a full GC and prints what survived. RSS alone cannot tell a
 * leak from a heap V8 has not collected yet; the heap after a full GC can.
 */
const collect = (globalThis as { gc?: () => void }).gc;

process.on('SIGUSR2', () => {
  collect?.();
  process.stdout.write(`\nheap-after-gc ${collect ? process.memoryUsage().heapUsed : -1}\n`);
});

export {};
