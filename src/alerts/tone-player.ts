import type { AlertLevel } from './breach-entry.ts';

/**
 * `off`: no audio asked for yet; `blocked`: the browser holds the context suspended (autoplay
 * policy: no user gesture yet); `unavailable`: no Web Audio at all.
 */
export type SoundState = 'off' | 'running' | 'blocked' | 'unavailable';

interface Note {
  readonly frequency: number;
  readonly seconds: number;
}

/** Warning: one mid tone. Critical: two higher, rising — told apart across a room without looking. */
export const CHIMES: Readonly<Record<AlertLevel, readonly Note[]>> = {
  warning: [{ frequency: 660, seconds: 0.4 }],
  critical: [
    { frequency: 880, seconds: 0.2 },
    { frequency: 1320, seconds: 0.25 },
  ],
};

const PEAK_GAIN = 0.25;
/** A few ms of attack: a tone that starts at full volume clicks. */
const ATTACK_SECONDS = 0.015;
/** Exponential ramps cannot reach 0; this is silence to the ear. */
const SILENT = 0.0001;

export interface TonePlayer {
  /** Plays the level's chime now. While audio is held back nothing is queued: a late beep would mislead. */
  play(level: AlertLevel): void;
  /** Opens audio, or asks it to start; it starts only from a user gesture unless the browser allows autoplay. */
  unlock(): void;
  state(): SoundState;
  /** Called when the state changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** One oscillator per chime, its pitch stepped per note, under a gain envelope per note. */
function schedule(context: AudioContext, notes: readonly Note[]): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.connect(gain);
  gain.connect(context.destination);
  const start = context.currentTime;
  let at = start;
  for (const note of notes) {
    oscillator.frequency.setValueAtTime(note.frequency, at);
    gain.gain.setValueAtTime(SILENT, at);
    gain.gain.linearRampToValueAtTime(PEAK_GAIN, at + ATTACK_SECONDS);
    gain.gain.exponentialRampToValueAtTime(SILENT, at + note.seconds);
    at += note.seconds;
  }
  oscillator.addEventListener('ended', () => {
    oscillator.disconnect();
    gain.disconnect();
  });
  oscillator.start(start);
  oscillator.stop(at);
}

/**
 * Short synthesized chimes (no audio asset). The AudioContext is made on the first `unlock` or
 * `play`, never before: a board without sound never makes one.
 */
export function createTonePlayer(createContext: () => AudioContext = () => new AudioContext()): TonePlayer {
  let context: AudioContext | undefined;
  let unavailable = false;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());

  function open(): AudioContext | undefined {
    if (context || unavailable) return context;
    try {
      context = createContext();
      context.addEventListener('statechange', notify);
    } catch (error) {
      unavailable = true;
      console.warn('No Web Audio: breach sounds are off', error);
    }
    notify();
    return context;
  }

  return {
    state() {
      if (unavailable) return 'unavailable';
      if (!context) return 'off';
      return context.state === 'running' ? 'running' : 'blocked';
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    unlock() {
      const opened = open();
      // Refused or left pending while the browser wants a gesture; the state (and the notice) say so.
      if (opened && opened.state !== 'running' && opened.state !== 'closed') opened.resume().catch(() => undefined);
    },
    play(level) {
      const opened = open();
      if (opened?.state === 'running') schedule(opened, CHIMES[level]);
    },
  };
}

let pagePlayer: TonePlayer | undefined;

/** One player per page: audio the user let play stays playing across boards and kiosk rotations. */
export function pageTonePlayer(): TonePlayer {
  pagePlayer ??= createTonePlayer();
  return pagePlayer;
}
