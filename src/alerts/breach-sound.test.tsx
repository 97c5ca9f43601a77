import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBoard, type Board } from '../boards/board-schema.ts';
import { renderWithProviders, testStatStore, update } from '../boards/test-providers.tsx';
import type { StatStore } from '../store/create-stat-store.ts';
import { BoardTile } from '../tiles/board-tile.tsx';
import { BoardView } from '../tiles/board-view.tsx';
import { CHIME_WINDOW_MS } from './breach-chime.ts';
import type { AlertLevel } from './breach-entry.ts';
import { BreachSound, START_GRACE_MS, type BreachSoundDeps } from './breach-sound.tsx';
import type { SoundState, TonePlayer } from './tone-player.ts';

/** Warning above 3 calls, critical above 6; a count's band is 1 call, so 3 holds a breach and 2 ends it. */
const IN_QUEUE = [
  { when: 'above', value: 3, level: 'warning' },
  { when: 'above', value: 6, level: 'critical' },
];

function board(sound: boolean | undefined): Board {
  const parsed = parseBoard({
    version: 2,
    id: 'floor',
    title: 'Floor',
    ...(sound === undefined ? {} : { sound }),
    tiles: [
      { id: 'vip', statistic: 'Current_In_Queue', object: { kind: 'queue', id: 'vip' }, format: 'count', layout: { x: 0, y: 0, w: 4, h: 2 }, thresholds: IN_QUEUE },
      { id: 'sales', statistic: 'Current_In_Queue', object: { kind: 'queue', id: 'sales' }, format: 'count', layout: { x: 4, y: 0, w: 4, h: 2 }, thresholds: IN_QUEUE },
      {
        kind: 'table',
        id: 'table',
        object: { kind: 'queue', id: 'vip' },
        layout: { x: 0, y: 2, w: 12, h: 2 },
        // Its own band: a breach of its own, beside the stat tile's.
        columns: [{ statistic: 'Current_In_Queue', format: 'count', thresholds: [{ when: 'above', value: 3, level: 'warning', hysteresis: 2 }] }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(`${parsed.error.path}: ${parsed.error.message}`);
  return parsed.board;
}

interface FakeSound {
  readonly deps: BreachSoundDeps;
  readonly played: AlertLevel[];
  readonly unlocks: () => number;
  setState(state: SoundState): void;
  advance(ms: number): void;
}

/** A player that records what it plays, on a clock the test moves. */
function fakeSound(initial: SoundState = 'running', onUnlock?: (sound: FakeSound) => void): FakeSound {
  let state = initial;
  let now = 0;
  let unlocks = 0;
  const listeners = new Set<() => void>();
  const played: AlertLevel[] = [];
  const player: TonePlayer = {
    play: (level) => played.push(level),
    unlock: () => {
      unlocks++;
      onUnlock?.(sound);
    },
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const sound: FakeSound = {
    deps: { player, now: () => now },
    played,
    unlocks: () => unlocks,
    setState: (next) => {
      state = next;
      listeners.forEach((listener) => listener());
    },
    advance: (ms) => {
      now += ms;
    },
  };
  return sound;
}

function Tiles({ tiles }: { readonly tiles: Board['tiles'] }): ReactElement {
  return (
    <>
      {tiles.map((tile) => (
        <BoardTile key={tile.id} tile={tile} areaAspect={1} />
      ))}
    </>
  );
}

/** Values in one batch, as the store applies a frame's notifications; awaited so the chime's end-of-commit flush runs. */
async function values(stat: StatStore, calls: Readonly<Record<string, number>>): Promise<void> {
  await act(async () => stat.sink.updates(Object.entries(calls).map(([queue, n]) => update('queue', queue, 'Current_In_Queue', n))));
}

const level = (queue: string): string | undefined => screen.getAllByTestId('tile').find((t) => t.dataset.objectId === queue && t.dataset.level !== undefined)?.dataset.level;

describe('BreachSound', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('should chime once when a tile enters a breach, not while it stays, and again for a new breach or an escalation', async () => {
    const sound = fakeSound();
    const stat = testStatStore();
    renderWithProviders(
      <BreachSound enabled deps={sound.deps}>
        <Tiles tiles={board(true).tiles.slice(0, 1)} />
      </BreachSound>,
      { stat },
    );
    await values(stat, { vip: 2 });
    expect(sound.played).toEqual([]);
    await values(stat, { vip: 4 });
    expect(level('vip')).toBe('warning');
    expect(sound.played).toEqual(['warning']);
    // Still breached, long after: more values, within the band too, make no sound.
    for (const n of [5, 4, 3, 5]) {
      sound.advance(10 * CHIME_WINDOW_MS);
      await values(stat, { vip: n });
    }
    expect(sound.played).toEqual(['warning']);
    await values(stat, { vip: 2 });
    expect(level('vip')).toBe('ok');
    sound.advance(CHIME_WINDOW_MS);
    await values(stat, { vip: 4 });
    expect(sound.played).toEqual(['warning', 'warning']);
    await values(stat, { vip: 7 });
    expect(sound.played).toEqual(['warning', 'warning', 'critical']);
    // Easing back to warning is no news.
    sound.advance(CHIME_WINDOW_MS);
    await values(stat, { vip: 5 });
    expect(sound.played).toEqual(['warning', 'warning', 'critical']);
  });

  it('should stay silent when a tile in breach is shown again (a kiosk round, a table drawn anew)', async () => {
    const sound = fakeSound();
    const stat = testStatStore();
    const tiles = board(true).tiles;
    const view = (shown: Board['tiles']): ReactElement => (
      <BreachSound enabled deps={sound.deps}>
        <Tiles tiles={shown} />
      </BreachSound>
    );
    const { rerender } = renderWithProviders(view(tiles), { stat });
    await values(stat, { vip: 4 });
    expect(sound.played).toEqual(['warning']);
    sound.advance(10 * CHIME_WINDOW_MS);
    // Another board's turn, then this one again, with the queue still over its line.
    await act(async () => rerender(view([])));
    await values(stat, { vip: 5 });
    await act(async () => rerender(view(tiles)));
    expect(level('vip')).toBe('warning');
    await values(stat, { vip: 4 });
    expect(sound.played).toEqual(['warning']);
  });

  it('should chime once for the tiles that breach together, at the worst level', async () => {
    const sound = fakeSound();
    const stat = testStatStore();
    renderWithProviders(
      <BreachSound enabled deps={sound.deps}>
        <Tiles tiles={board(true).tiles} />
      </BreachSound>,
      { stat },
    );
    await values(stat, { vip: 0, sales: 0 });
    // The VIP stat tile and its table cell (a breach each), and sales going straight to critical.
    await values(stat, { vip: 4, sales: 8 });
    expect(screen.getAllByTestId('tile').filter((t) => t.dataset.level === 'warning')).toHaveLength(2);
    expect(level('sales')).toBe('critical');
    expect(sound.played).toEqual(['critical']);
  });

  it('should play nothing, and make no sound gate, while the board has sound off', async () => {
    const sound = fakeSound('blocked');
    const stat = testStatStore();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderWithProviders(
      <BreachSound enabled={false} deps={sound.deps}>
        <Tiles tiles={board(false).tiles} />
      </BreachSound>,
      { stat },
    );
    await values(stat, { vip: 4, sales: 8 });
    act(() => vi.advanceTimersByTime(START_GRACE_MS));
    fireEvent.pointerDown(window);
    expect(level('sales')).toBe('critical');
    expect(sound.played).toEqual([]);
    expect(sound.unlocks()).toBe(0);
    expect(screen.queryByTestId('sound-blocked')).toBeNull();
  });

  it('should say when the browser holds the sound back, and start it from the button or any gesture', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Like a browser: audio starts on the first ask that comes from a gesture.
    let gesture = false;
    const sound = fakeSound('blocked', (s) => {
      if (gesture) s.setState('running');
    });
    renderWithProviders(
      <BreachSound enabled deps={sound.deps}>
        <p>board</p>
      </BreachSound>,
    );
    expect(sound.unlocks()).toBe(1);
    // A new context may take a moment to start: no notice at once.
    expect(screen.queryByTestId('sound-blocked')).toBeNull();
    act(() => vi.advanceTimersByTime(START_GRACE_MS));
    const notice = screen.getByTestId('sound-blocked');
    expect(notice.textContent).toContain('holding back');
    gesture = true;
    act(() => screen.getByRole('button', { name: 'Enable sound' }).click());
    expect(screen.queryByTestId('sound-blocked')).toBeNull();

    // Blocked again (the browser suspended it): a key anywhere on the page asks again.
    act(() => sound.setState('blocked'));
    expect(screen.getByTestId('sound-blocked')).toBeTruthy();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'a' });
    });
    expect(screen.queryByTestId('sound-blocked')).toBeNull();
  });

  it('should say so, without a button, where the browser has no Web Audio', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sound = fakeSound('unavailable');
    renderWithProviders(
      <BreachSound enabled deps={sound.deps}>
        <p>board</p>
      </BreachSound>,
    );
    act(() => vi.advanceTimersByTime(START_GRACE_MS));
    expect(screen.getByTestId('sound-blocked').dataset.state).toBe('unavailable');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('BoardView with sound', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('should make no AudioContext for a board without sound, and play through one for a board with it', async () => {
    const made: { oscillators: number }[] = [];
    class CountingAudioContext extends EventTarget {
      readonly state = 'running';
      readonly currentTime = 0;
      readonly destination = {};
      private readonly record = { oscillators: 0 };
      constructor() {
        super();
        made.push(this.record);
      }
      createOscillator(): unknown {
        this.record.oscillators++;
        const param = { setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
        return { frequency: param, connect: vi.fn(), disconnect: vi.fn(), addEventListener: vi.fn(), start: vi.fn(), stop: vi.fn() };
      }
      createGain(): unknown {
        const param = { setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
        return { gain: param, connect: vi.fn(), disconnect: vi.fn() };
      }
      resume(): Promise<void> {
        return Promise.resolve();
      }
    }
    vi.stubGlobal('AudioContext', CountingAudioContext);
    const stat = testStatStore();
    const { rerender } = renderWithProviders(<BoardView board={board(undefined)} />, { stat });
    await values(stat, { vip: 4, sales: 8 });
    expect(level('sales')).toBe('critical');
    expect(made).toEqual([]);

    // Sound turned on for the board on screen: the tiles breached already, so nothing sounds until a new breach.
    await act(async () => rerender(<BoardView board={board(true)} />));
    expect(made).toEqual([{ oscillators: 0 }]);
    await values(stat, { vip: 2, sales: 2 });
    await values(stat, { vip: 4 });
    expect(made).toEqual([{ oscillators: 1 }]);
  });
});
