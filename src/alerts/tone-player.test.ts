import { describe, expect, it, vi } from 'vitest';
import { CHIMES, createTonePlayer } from './tone-player.ts';

type Event3 = readonly [string, number, number];

class FakeParam {
  readonly events: Event3[] = [];
  setValueAtTime(value: number, at: number): this {
    this.events.push(['set', value, at]);
    return this;
  }
  linearRampToValueAtTime(value: number, at: number): this {
    this.events.push(['linear', value, at]);
    return this;
  }
  exponentialRampToValueAtTime(value: number, at: number): this {
    this.events.push(['exponential', value, at]);
    return this;
  }
}

class FakeNode extends EventTarget {
  readonly connections: unknown[] = [];
  connect<T>(node: T): T {
    this.connections.push(node);
    return node;
  }
  disconnect(): void {
    this.connections.length = 0;
  }
}

class FakeOscillator extends FakeNode {
  type = '';
  readonly frequency = new FakeParam();
  startedAt: number | undefined;
  stoppedAt: number | undefined;
  start(at: number): void {
    this.startedAt = at;
  }
  stop(at: number): void {
    this.stoppedAt = at;
  }
}

class FakeGain extends FakeNode {
  readonly gain = new FakeParam();
}

/** Suspended until `allow()`: then `resume()` starts it, as a browser does after a gesture. */
class FakeAudioContext extends EventTarget {
  state: 'suspended' | 'running' | 'closed' = 'suspended';
  readonly currentTime = 12.5;
  readonly destination = new FakeNode();
  readonly oscillators: FakeOscillator[] = [];
  readonly gains: FakeGain[] = [];
  resumes = 0;
  private allowed = false;
  allow(): void {
    this.allowed = true;
  }
  resume(): Promise<void> {
    this.resumes++;
    if (!this.allowed) return new Promise(() => undefined);
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  }
  createOscillator(): FakeOscillator {
    const oscillator = new FakeOscillator();
    this.oscillators.push(oscillator);
    return oscillator;
  }
  createGain(): FakeGain {
    const gain = new FakeGain();
    this.gains.push(gain);
    return gain;
  }
}

function fakePlayer(): { player: ReturnType<typeof createTonePlayer>; context: FakeAudioContext; created: () => number } {
  const context = new FakeAudioContext();
  const create = vi.fn(() => context as unknown as AudioContext);
  return { player: createTonePlayer(create), context, created: () => create.mock.calls.length };
}

describe('createTonePlayer', () => {
  it('should make no AudioContext until audio is asked for, then exactly one', () => {
    const { player, created } = fakePlayer();
    expect(player.state()).toBe('off');
    expect(created()).toBe(0);
    player.unlock();
    player.unlock();
    player.play('warning');
    expect(created()).toBe(1);
  });

  it('should say blocked while the browser holds the context, and running once a gesture lets it start', () => {
    const { player, context } = fakePlayer();
    const changes = vi.fn();
    player.subscribe(changes);
    player.unlock();
    expect(player.state()).toBe('blocked');
    expect(context.resumes).toBe(1);
    context.allow();
    player.unlock();
    expect(player.state()).toBe('running');
    expect(changes).toHaveBeenCalled();
    // Running: a gesture asks nothing more of it.
    player.unlock();
    expect(context.resumes).toBe(2);
  });

  it('should queue nothing while blocked, so no stale chime plays when audio starts later', () => {
    const { player, context } = fakePlayer();
    player.play('critical');
    expect(context.oscillators).toHaveLength(0);
  });

  it('should play a warning as one tone of 0.3–0.5 s that starts and ends silent', () => {
    const { player, context } = fakePlayer();
    context.allow();
    player.unlock();
    player.play('warning');
    expect(context.oscillators).toHaveLength(1);
    const [oscillator] = context.oscillators;
    const [gain] = context.gains;
    expect(oscillator?.connections).toEqual([gain]);
    expect(gain?.connections).toEqual([context.destination]);
    expect(oscillator?.frequency.events).toEqual([['set', 660, 12.5]]);
    expect(oscillator?.startedAt).toBe(12.5);
    const seconds = (oscillator?.stoppedAt ?? 0) - 12.5;
    expect(seconds).toBeGreaterThanOrEqual(0.3);
    expect(seconds).toBeLessThanOrEqual(0.5);
    const envelope = gain?.gain.events ?? [];
    expect(envelope[0]?.[1]).toBeLessThan(0.001);
    expect(Math.max(...envelope.map((e) => e[1]))).toBeGreaterThan(0.1);
    expect(envelope.at(-1)).toEqual(['exponential', expect.closeTo(0, 3), expect.closeTo(12.9, 6)]);
  });

  it('should play a critical as two rising notes, higher than the warning, in one tone', () => {
    const { player, context } = fakePlayer();
    context.allow();
    player.unlock();
    player.play('critical');
    expect(context.oscillators).toHaveLength(1);
    const frequencies = context.oscillators[0]?.frequency.events.map((e) => e[1]);
    expect(frequencies).toEqual(CHIMES.critical.map((note) => note.frequency));
    expect(frequencies?.[1]).toBeGreaterThan(frequencies?.[0] ?? Infinity);
    expect(Math.min(...(frequencies ?? []))).toBeGreaterThan(CHIMES.warning[0]?.frequency ?? Infinity);
    const seconds = (context.oscillators[0]?.stoppedAt ?? 0) - 12.5;
    expect(seconds).toBeGreaterThanOrEqual(0.3);
    expect(seconds).toBeLessThanOrEqual(0.5);
  });

  it('should let the nodes go when the tone ends', () => {
    const { player, context } = fakePlayer();
    context.allow();
    player.unlock();
    player.play('warning');
    context.oscillators[0]?.dispatchEvent(new Event('ended'));
    expect(context.oscillators[0]?.connections).toEqual([]);
    expect(context.gains[0]?.connections).toEqual([]);
  });

  it('should say unavailable where the browser has no Web Audio', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const player = createTonePlayer(() => {
      throw new ReferenceError('AudioContext is not defined');
    });
    player.unlock();
    player.play('warning');
    expect(player.state()).toBe('unavailable');
    vi.mocked(console.warn).mockRestore();
  });
});
