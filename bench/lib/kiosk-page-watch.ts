import type { ConsoleMessage, Frame, Page } from '@playwright/test';

export interface KioskView {
  readonly tiles: number;
  readonly tilesNotLive: number;
  readonly board: string;
  readonly connection: string;
}

export interface KioskPageWatch {
  /** Starts counting: events before the board was first live are part of signing in. */
  arm(): void;
  /** Tiles, board and connection as the page shows them now. */
  view(): Promise<KioskView>;
  pageErrors(): readonly string[];
  consoleErrors(): readonly string[];
  signInPagesSeen(): number;
  reloads(): number;
  stop(): void;
}

/** The app's signed-out screen has this heading whatever its state ("Sign in" or "Signing in…"). */
const SIGN_IN_SCREEN = '#sign-in-title';
/** The mock's sign-in form (Auth v3 authorize). */
const AUTHORIZE_PATH = '/auth/v3/oauth/authorize';
/** The sign-in screen stays until someone presses its button (no automatic redirect), so a poll this slow still sees it. */
const SIGN_IN_POLL_MS = 5000;
/** Enough to tell what went wrong without keeping a flood. */
const MAX_MESSAGES = 50;

export function readKioskView(page: Page): Promise<KioskView> {
  return page.evaluate(() => {
    const tiles = [...document.querySelectorAll('[data-testid="tile"]')];
    return {
      tiles: tiles.length,
      tilesNotLive: tiles.filter((t) => t.getAttribute('data-status') !== 'live').length,
      board: document.querySelector('[data-testid="board"]')?.getAttribute('data-board') ?? '',
      connection: document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') ?? '',
    };
  });
}

/**
 * Watches the kiosk page for what would need a person at the TV: page errors, a sign-in page
 * (the app's or the mock's), and reloads (the kiosk's last resort, which also resets the heap the
 * soak measures).
 */
export function watchKioskPage(page: Page): KioskPageWatch {
  let armed = false;
  let signInShowing = false;
  let signInPagesSeen = 0;
  let reloads = 0;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const keep = (list: string[], message: string): void => {
    if (list.length < MAX_MESSAGES) list.push(message);
  };

  const sawSignIn = (showing: boolean): void => {
    // One count per time it shows up, not per poll while it stays.
    if (armed && showing && !signInShowing) signInPagesSeen++;
    signInShowing = showing;
  };
  const onPageError = (error: Error): void => {
    if (armed) keep(pageErrors, `${new Date().toISOString()} ${error.message}`);
  };
  const onConsole = (message: ConsoleMessage): void => {
    if (armed && message.type() === 'error') keep(consoleErrors, `${new Date().toISOString()} ${message.text()}`);
  };
  const onLoad = (): void => {
    if (armed) reloads++;
  };
  const onNavigated = (frame: Frame): void => {
    if (frame.parentFrame() === null && new URL(frame.url()).pathname === AUTHORIZE_PATH) sawSignIn(true);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  page.on('load', onLoad);
  page.on('framenavigated', onNavigated);

  let polling = false;
  const poll = setInterval(() => {
    if (!armed || polling || page.isClosed()) return;
    polling = true;
    void page
      .locator(SIGN_IN_SCREEN)
      .count()
      .then(
        (n) => sawSignIn(n > 0 || new URL(page.url()).pathname === AUTHORIZE_PATH),
        // A poll that lands mid-reload has no page to ask; the next one will.
        () => undefined,
      )
      .finally(() => {
        polling = false;
      });
  }, SIGN_IN_POLL_MS);

  return {
    arm: () => {
      armed = true;
    },
    view: () => readKioskView(page),
    pageErrors: () => pageErrors,
    consoleErrors: () => consoleErrors,
    signInPagesSeen: () => signInPagesSeen,
    reloads: () => reloads,
    stop: () => {
      clearInterval(poll);
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
      page.off('load', onLoad);
      page.off('framenavigated', onNavigated);
    },
  };
}
