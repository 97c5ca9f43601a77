import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MockProcess {
  readonly pid: number;
  /** `http://127.0.0.1:<port>`: an IPv4 literal, so no client tries ::1 first. */
  readonly baseUrl: string;
  /** Whether the process is still running (a crash mid-step must fail the step, not hang it). */
  isAlive(): boolean;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; removes the state folder. */
  stop(graceMs?: number): Promise<void>;
  /**
   * Bytes of JS heap that survive a full GC in the mock, or undefined when it was started without
   * `heapProbe` (or did not answer within 10 s).
   */
  heapUsedAfterGc(): Promise<number | undefined>;
}

export interface StartMockOptions {
  /** The repository root (where mock-server/ is). */
  readonly cwd: string;
  readonly speed?: number;
  readonly seed?: number;
  readonly readyTimeoutMs?: number;
  /** Extra flags for the mock's `node` (e.g. `--cpu-prof`), placed before the script. */
  readonly nodeArgs?: readonly string[];
  /** More `main.ts` flags after the ones above (e.g. `['--dist', 'dist']` to serve the build). */
  readonly mockArgs?: readonly string[];
  /** Preload bench/lib/heap-probe.ts with `--expose-gc`, for `heapUsedAfterGc()`. */
  readonly heapProbe?: boolean;
}

/** Stops the mock if this process dies without stopping it. */
const WATCHDOG = new URL('./exit-with-parent.ts', import.meta.url).href;
const HEAP_PROBE = new URL('./heap-probe.ts', import.meta.url).href;
const HEAP_LINE = /heap-after-gc (-?\d+)/g;
const HEAP_TIMEOUT_MS = 10_000;
const READY_LINE = /wallboard ready at http:\/\/localhost:(\d+)/;
/** Kept for the error message when the mock dies before it is ready. */
const MAX_LOG_CHARS = 4000;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `mock-server/main.ts` as its own Node process (so the load generator never shares its
 * event loop) on a free port on the loopback interface only, and resolves once it prints its
 * ready line. Port 0 works: the ready line carries the port the OS picked.
 */
export async function startMockProcess(options: StartMockOptions): Promise<MockProcess> {
  const stateDir = mkdtempSync(join(tmpdir(), 'wallboard-bench-'));
  const args = [
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    '--import',
    WATCHDOG,
    ...(options.heapProbe ? ['--expose-gc', '--import', HEAP_PROBE] : []),
    'mock-server/main.ts',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--speed',
    String(options.speed ?? 1),
    '--seed',
    String(options.seed ?? 42),
    '--state-dir',
    stateDir,
    '--quiet',
    ...(options.mockArgs ?? []),
  ];
  // PORT would override nothing (flags win) but is dropped so the child's config is exactly the flags.
  const { PORT: _port, ...env } = process.env;
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-MAX_LOG_CHARS);
  };
  child.stderr?.on('data', keep);

  const cleanupState = (): void => rmSync(stateDir, { recursive: true, force: true });
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 5000): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, graceMs))) {
          child.kill('SIGKILL');
          await waitForExit(child, graceMs);
        }
      }
      cleanupState();
    })();
    return stopping;
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`mock not ready within ${options.readyTimeoutMs ?? 30_000} ms\n${log}`)), options.readyTimeoutMs ?? 30_000);
    function fail(error: Error): void {
      clearTimeout(timer);
      void stop(1000).finally(() => reject(error));
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = READY_LINE.exec(log);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`mock exited before ready (code ${code}, signal ${signal})\n${log}`)));
  });
  // Past ready, stdout is only drained (and trimmed) so a chatty mock can never block on a full pipe,
  // and read for the heap probe's answers.
  if (child.pid === undefined) throw new Error('mock has no pid');
  const pid = child.pid;
  const heapWaiters: ((bytes: number | undefined) => void)[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const match of chunk.toString('utf8').matchAll(HEAP_LINE)) {
      const bytes = Number(match[1]);
      heapWaiters.shift()?.(bytes >= 0 ? bytes : undefined);
    }
  });
  const heapUsedAfterGc = (): Promise<number | undefined> => {
    if (!options.heapProbe || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter = (bytes: number | undefined): void => {
        clearTimeout(timer);
        resolve(bytes);
      };
      const timer = setTimeout(() => {
        heapWaiters.splice(heapWaiters.indexOf(waiter), 1);
        resolve(undefined);
      }, HEAP_TIMEOUT_MS);
      heapWaiters.push(waiter);
      process.kill(pid, 'SIGUSR2');
    });
  };
  return {
    pid,
    heapUsedAfterGc,
    baseUrl: `http://127.0.0.1:${port}`,
    isAlive: () => child.exitCode === null && child.signalCode === null,
    stop,
  };
}
