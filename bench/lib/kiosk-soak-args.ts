import { MAX_INTERVAL_SEC, MIN_INTERVAL_SEC } from '../../src/kiosk/kiosk-route.ts';

export interface KioskSoakArgs {
  readonly help: boolean;
  /** Real minutes of sampling after the board is live; one sample a minute, plus one at 0. */
  readonly minutes: number;
  /** The mock's `--speed`: simulated ms per real ms. */
  readonly speed: number;
  /** Seconds each board of the playlist stays on screen. */
  readonly intervalSec: number;
  readonly out: string;
  /** The built app the mock serves. */
  readonly dist: string;
  /** Local time of day the simulated clock starts at ('HH:MM' today), or 'now' (the mock's default). */
  readonly startAt: string;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A day of soak is the most anyone means; a typo should not hold the machine for a week. */
const MAX_MINUTES = 24 * 60;

export const KIOSK_SOAK_USAGE = `usage: npm run bench -- kiosk [--minutes N] [--speed X] [--interval SECONDS] [--start-at HH:MM|now]
       [--out FILE] [--dist DIR]
  --minutes   real minutes of sampling once the board is live (default 10; 2 for a quick check)
  --speed     the mock's clock speed, simulated per real time (default 60: 10 simulated hours in 10 minutes)
  --interval  seconds per board of the queues,skills,agents playlist (default 20, ${MIN_INTERVAL_SEC}..${MAX_INTERVAL_SEC})
  --start-at  local time of day the simulated clock starts at (default 07:00: after warm-up the fit
              covers 09:00-17:00, a working day with both peaks inside and similar load at its ends,
              so the day's load curve does not pass for a leak or hide one; now = the real time)
  --out       results file (default bench/results/kiosk-soak.json)
  --dist      the built app to serve (default dist, which \`npm run bench\` has just built)`;

function numberAfter(flag: string, value: string | undefined, check: (n: number) => boolean, want: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new Error(`${flag} needs ${want}`);
  return n;
}

/** Throws with a readable message (the caller prints it with the usage). */
export function parseKioskSoakArgs(argv: readonly string[]): KioskSoakArgs {
  let help = false;
  let minutes = 10;
  let speed = 60;
  let intervalSec = 20;
  let out = 'bench/results/kiosk-soak.json';
  let dist = 'dist';
  let startAt = '07:00';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--help':
      case '-h':
        help = true;
        break;
      case '--minutes':
        minutes = numberAfter(flag, value, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_MINUTES, `a whole number of minutes, 1..${MAX_MINUTES}`);
        i++;
        break;
      case '--speed':
        // 0 would stop the clock, and then there is no simulated hour to divide by.
        speed = numberAfter(flag, value, (n) => n > 0 && n <= 10_000, 'a speed above 0 (at most 10000)');
        i++;
        break;
      case '--interval':
        // The kiosk would clamp a value outside its bounds silently, and the run would not be the one asked for.
        intervalSec = numberAfter(flag, value, (n) => n >= MIN_INTERVAL_SEC && n <= MAX_INTERVAL_SEC, `seconds, ${MIN_INTERVAL_SEC}..${MAX_INTERVAL_SEC}`);
        i++;
        break;
      case '--out':
        if (value === undefined || value.startsWith('--')) throw new Error('--out needs a file name');
        out = value;
        i++;
        break;
      case '--start-at':
        if (value === undefined || !(value === 'now' || TIME_OF_DAY.test(value))) throw new Error('--start-at needs HH:MM (00:00..23:59) or now');
        startAt = value;
        i++;
        break;
      case '--dist':
        if (value === undefined || value.startsWith('--')) throw new Error('--dist needs a folder');
        dist = value;
        i++;
        break;
      default:
        throw new Error(`unknown option "${flag ?? ''}"`);
    }
  }
  return { help, minutes, speed, intervalSec, out, dist, startAt };
}

/** The mock's `--start-at` (epoch ms) for 'HH:MM' today in this machine's time zone (the mock's too); undefined for 'now'. */
export function startAtEpochMs(startAt: string, now: Date = new Date()): number | undefined {
  const match = TIME_OF_DAY.exec(startAt);
  if (!match) return undefined;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return at.getTime();
}
