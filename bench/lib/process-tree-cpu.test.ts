import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processTree, startCpuShareMeter } from './process-tree-cpu.ts';

describe('processTree', () => {
  it('should hold this process and a child it started', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const tree = processTree();
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
    } finally {
      child.kill();
    }
  });
});

describe('startCpuShareMeter', () => {
  it('should count our own busy time, in % of one core, as the process itself sees it', () => {
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const meter = startCpuShareMeter();
    const until = performance.now() + 500;
    while (performance.now() < until) {
      // Busy on purpose: this process's CPU is what the meter must see.
    }
    const share = meter.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const expected = (cpu.user + cpu.system) / 10 / (performance.now() - startedAt);
    if (share === undefined) return; // not Linux
    // /proc counts in 10 ms ticks: a few % either way over half a second, however busy the machine is.
    expect(Math.abs(share.ownPercent - expected)).toBeLessThan(10);
    expect(share.othersPercent).toBeGreaterThanOrEqual(0);
  });
});
