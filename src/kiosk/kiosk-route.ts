import { parseThemeOverride, type Theme } from '../theme/theme-preference.ts';

/**
 * What a kiosk address says (docs/kiosk.md "Addresses"): `/kiosk?board=<id>` or
 * `/kiosk?playlist=<id>,<id>&interval=<seconds>`, plus `at` (the playlist position, kept in the
 * address so a soft reload comes back to the same board), `health` (the overlay) and `theme`
 * (`light` or `dark`, over the browser's stored choice: a TV has no one to pick it). A pure parse:
 * the URL is the one home of this state, so a TV's address is all it needs.
 */
export interface KioskRoute {
  /** The boards to show, in order; one board does not rotate. Empty: the default board. */
  readonly boards: readonly string[];
  readonly intervalMs: number;
  /** Index into `boards` of the board on screen. */
  readonly position: number;
  readonly health: boolean;
  /** Absent: the stored choice or the system's, as in the app. */
  readonly theme: Theme | undefined;
}

export const KIOSK_PATH = '/kiosk';
export const DEFAULT_INTERVAL_SEC = 30;
/** Shorter than this and nobody can read a board before it goes. */
export const MIN_INTERVAL_SEC = 5;
export const MAX_INTERVAL_SEC = 3600;
const MAX_BOARDS = 50;
const BOARD_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isKioskPath(pathname: string): boolean {
  return pathname === KIOSK_PATH || pathname === `${KIOSK_PATH}/`;
}

function parseInterval(raw: string | null): number {
  const seconds = raw === null ? Number.NaN : Number(raw);
  if (!Number.isFinite(seconds)) return DEFAULT_INTERVAL_SEC * 1000;
  return Math.round(Math.min(MAX_INTERVAL_SEC, Math.max(MIN_INTERVAL_SEC, seconds)) * 1000);
}

function parseBoards(params: URLSearchParams): string[] {
  const listed = params.get('playlist') ?? params.get('board') ?? '';
  const ids = listed
    .split(',')
    .map((id) => id.trim())
    .filter((id) => BOARD_ID.test(id));
  return [...new Set(ids)].slice(0, MAX_BOARDS);
}

function parsePosition(raw: string | null, count: number): number {
  const at = raw === null ? 0 : Number(raw);
  return Number.isInteger(at) && at >= 0 && at < count ? at : 0;
}

/** Never throws: whatever is in the address, a TV shows something sensible. */
export function parseKioskRoute(search: string): KioskRoute {
  const params = new URLSearchParams(search);
  const boards = parseBoards(params);
  const flag = params.get('health');
  return {
    boards,
    intervalMs: parseInterval(params.get('interval')),
    position: parsePosition(params.get('at'), boards.length),
    health: flag !== null && flag !== '0' && flag !== 'false',
    theme: parseThemeOverride(params.get('theme')),
  };
}

/**
 * A TV has no one to pick a theme and its kiosk browser usually reports a light system: a wallboard
 * across a room is dark unless its address says `theme=light`.
 */
export const KIOSK_DEFAULT_THEME: Theme = 'dark';

/** The theme a kiosk address asks for, read before React renders (src/main.tsx): no frame in another theme first. */
export function kioskThemeOverride(pathname: string, search: string): Theme | undefined {
  return isKioskPath(pathname) ? (parseKioskRoute(search).theme ?? KIOSK_DEFAULT_THEME) : undefined;
}

/** The same address with the playlist position `at`, for `history.replaceState`. */
export function kioskHrefAt(search: string, position: number): string {
  const params = new URLSearchParams(search);
  params.set('at', String(position));
  return `${KIOSK_PATH}?${params.toString()}`;
}

/** The kiosk address of a board, for "open as kiosk" links. */
export function kioskHrefFor(boardIds: readonly string[], intervalSec = DEFAULT_INTERVAL_SEC): string {
  if (boardIds.length <= 1) return `${KIOSK_PATH}?board=${encodeURIComponent(boardIds[0] ?? '')}`;
  return `${KIOSK_PATH}?playlist=${boardIds.map(encodeURIComponent).join(',')}&interval=${intervalSec}`;
}
