import { describe, expect, it } from 'vitest';
import { runBench, type Benchmark } from './bench-registry.ts';

function fake(name: string, inDefaultRun: boolean, code = 0): Benchmark & { readonly calls: (readonly string[])[] } {
  const calls: (readonly string[])[] = [];
  return {
    name,
    description: `the ${name} benchmark`,
    inDefaultRun,
    calls,
    run: (args) => {
      calls.push(args);
      return Promise.resolve(code);
    },
  };
}

function printer(): { readonly print: (line: string) => void; readonly text: () => string } {
  const lines: string[] = [];
  return { print: (line) => lines.push(line), text: () => lines.join('\n') };
}

describe('runBench', () => {
  it('should run the named benchmark with the arguments after its name', async () => {
    const kiosk = fake('kiosk', false, 3);
    const out = printer();
    expect(await runBench(['kiosk', '--minutes', '2'], [kiosk], out.print)).toBe(3);
    expect(kiosk.calls).toEqual([['--minutes', '2']]);
  });

  it('should print the list and exit 0 when nothing is in the default run', async () => {
    const kiosk = fake('kiosk', false);
    const out = printer();
    expect(await runBench([], [kiosk], out.print)).toBe(0);
    expect(kiosk.calls).toHaveLength(0);
    expect(out.text()).toContain('kiosk');
    expect(out.text()).toContain('npm run bench -- NAME');
  });

  it('should run only the default benchmarks when no name is given, and fail if one failed', async () => {
    const quick = fake('quick', true);
    const broken = fake('broken', true, 1);
    const soak = fake('soak', false);
    expect(await runBench([], [quick, broken, soak], printer().print)).toBe(1);
    expect(quick.calls).toEqual([[]]);
    expect(broken.calls).toEqual([[]]);
    expect(soak.calls).toHaveLength(0);
  });

  it('should print the usage and exit 2 for a name it does not know', async () => {
    const out = printer();
    expect(await runBench(['kiosks'], [fake('kiosk', false)], out.print)).toBe(2);
    expect(out.text()).toContain('unknown benchmark "kiosks"');
    expect(out.text()).toContain('usage:');
  });
});
