import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A mock backend process of our own (mock-server/main.ts serving the production build). Each
 * Playwright worker gets one, so specs that inject faults, pause the clock or kill the process run
 * in parallel without seeing each other's faults.
 */
export interface MockProcess {
  readonly port: number;
  readonly baseURL: string;
  readonly stateDir: string;
  readonly child: ChildProcess;
  /** `Date.now()` when the mock printed its ready line. */
  readonly readyAt: number;
}

export interface MockProcessOptions {
  /** Reuse a port (a restart); a free one is picked otherwise. */
  readonly port?: number;
  /** Reuse a state directory (a restart keeps the tokens it issued); a new one otherwise. */
  readonly stateDir?: string;
  /** More `main.ts` flags, e.g. `['--token-ttl', '20']`. */
  readonly args?: readonly string[];
}

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the mock and resolves once it prints `wallboard ready at` (docs/architecture.md "What browser tests rely on"). It serves the
 * build in `dist/`, or in `E2E_DIST` (two checkouts' e2e runs at once, each with its own build).
 */
export async function startMockProcess(options: MockProcessOptions = {}): Promise<MockProcess> {
  const port = options.port ?? (await freePort());
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'wallboard-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'mock-server/main.ts', '--port', String(port), '--state-dir', stateDir, '--seed', '7', '--dist', process.env.E2E_DIST ?? 'dist', '--quiet', ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('wallboard ready at')) {
        child.stdout?.off('data', onData);
        // Keep draining so a chatty mock never blocks on a full pipe.
        child.stdout?.resume();
        resolve({ port, baseURL: `http://localhost:${port}`, stateDir, child, readyAt: Date.now() });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => reject(new Error(`mock exited (${code ?? signal ?? '?'}) before it was ready:\n${output}`)));
    child.once('error', reject);
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Ends the mock and waits until the process is gone (its port is free again). */
export function stopMockProcess(mock: MockProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = mock;
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Stops the mock (if it still runs) and removes its state directory. */
export async function disposeMockProcess(mock: MockProcess): Promise<void> {
  await stopMockProcess(mock, 'SIGKILL');
  rmSync(mock.stateDir, { recursive: true, force: true });
}
