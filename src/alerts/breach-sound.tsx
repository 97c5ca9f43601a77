import { useEffect, useMemo, useState, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { createBreachChime } from './breach-chime.ts';
import { BreachSignalContext } from './breach-signal.ts';
import { SoundBlockedNotice } from './sound-blocked-notice.tsx';
import { pageTonePlayer, type TonePlayer } from './tone-player.ts';

export interface BreachSoundDeps {
  readonly player: TonePlayer;
  /** A monotonic clock in ms, for the chime's window. */
  readonly now: () => number;
}

function pageDeps(): BreachSoundDeps {
  return { player: pageTonePlayer(), now: () => performance.now() };
}

/**
 * Events that let a page start audio (HTML's activation-triggering input events). A touch's
 * pointerdown is not one, its pointerup is: a touch screen on a wall counts too.
 */
const GESTURES = ['pointerdown', 'pointerup', 'keydown'] as const;

/** A new AudioContext is briefly `suspended` even where it may play; the notice waits this long. */
export const START_GRACE_MS = 1000;

export interface BreachSoundProps {
  /** The board's `sound`. Off: no AudioContext, no listeners, no notice. */
  readonly enabled: boolean;
  readonly children: ReactNode;
  /** Tests pass fakes; the app plays through the page's one player. */
  readonly deps?: BreachSoundDeps;
}

/**
 * Around a board: its tiles' breach signals become one short chime per breach (breach-chime.ts).
 * The tree of children is the same whether sound is on or off, so turning it on or off never
 * mounts the tiles anew.
 */
export function BreachSound({ enabled, children, deps }: BreachSoundProps): ReactElement {
  const sound = useMemo(() => {
    if (!enabled) return null;
    const { player, now } = deps ?? pageDeps();
    return { player, signal: createBreachChime({ play: (level) => player.play(level), now }) };
  }, [enabled, deps]);
  return (
    <>
      <BreachSignalContext.Provider value={sound?.signal ?? null}>{children}</BreachSignalContext.Provider>
      {sound && <SoundGate player={sound.player} />}
    </>
  );
}

/**
 * Opens audio at once (a kiosk browser started with the autoplay flag plays from the start) and
 * asks again on every gesture until it runs, since browsers let audio start only from one. If it
 * is still held back after the grace period, says so with a button, itself a gesture.
 */
function SoundGate({ player }: { readonly player: TonePlayer }): ReactElement | null {
  const state = useSyncExternalStore(player.subscribe, player.state);
  const [graceOver, setGraceOver] = useState(false);

  useEffect(() => {
    player.unlock();
    const unlock = (): void => player.unlock();
    for (const type of GESTURES) window.addEventListener(type, unlock, { capture: true });
    const timer = setTimeout(() => setGraceOver(true), START_GRACE_MS);
    return () => {
      for (const type of GESTURES) window.removeEventListener(type, unlock, { capture: true });
      clearTimeout(timer);
    };
  }, [player]);

  if (!graceOver || state === 'running' || state === 'off') return null;
  return <SoundBlockedNotice unavailable={state === 'unavailable'} onEnable={() => player.unlock()} />;
}
