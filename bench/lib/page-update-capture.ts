import type { BrowserContext, Page } from '@playwright/test';

/**
 * The two halves of the latency measurement, recorded in the page with as little work as
 * possible while the firehose runs (whatever runs here is part of the frames being measured):
 *
 * - every CometD long-poll answer's text, kept as received (a reference, no parsing): it holds
 *   each StatisticUpdate's value and the mock's `timestamp`, parsed only after the run;
 * - every tile `data-value` change, seen by a MutationObserver: tile, new value and `Date.now()`.
 *   Observer callbacks run in the microtask checkpoint right after React's commit, so that time
 *   is "in the DOM", before style, layout and paint of that frame ("to DOM", not "to pixels").
 *
 * The store's commit would be the better place to read stamps (no response bodies kept), but the
 * app offers no hook there; see browser-firehose.ts for the one it would need.
 */

const KEY = '__benchUpdateCapture';
/** The CometD endpoint's path (long polls and handshakes alike; only StatisticUpdates are read later). */
const NOTIFICATIONS_PATH = '/statistics/v3/notifications';

export interface TileChanges {
  /** Tile index → store key (`data-stat|data-object-type|data-object-id`), in the order first seen. */
  readonly keys: string[];
  readonly tile: number[];
  readonly value: number[];
  readonly seenAt: number[];
  /** `Date.now()` of the last change seen (0: none yet): the DOM has settled when it stops moving. */
  readonly lastChangeAt: number;
}

export interface ReceivedUpdates {
  /** Distinct `statisticId`s, indexed by `statistic` below. */
  readonly statisticIds: string[];
  readonly statistic: number[];
  readonly value: number[];
  readonly stampedAt: number[];
  /** Long-poll answers kept, and how many of them carried StatisticUpdates. */
  readonly responses: number;
  readonly updateMessages: number;
}

interface CaptureState {
  readonly texts: string[];
  readonly keys: string[];
  readonly tile: number[];
  readonly value: number[];
  readonly seenAt: number[];
  lastChangeAt: number;
}

export async function installUpdateCapture(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    ({ key, path }: { key: string; path: string }) => {
      const state: CaptureState = { texts: [], keys: [], tile: [], value: [], seenAt: [], lastChangeAt: 0 };
      (window as unknown as Record<string, unknown>)[key] = state;

      // `load` listeners added in open() run before the handler CometD assigns to `onload` after it.
      const open = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
      XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]): void {
        if (String(args[1]).includes(path)) {
          this.addEventListener('load', () => {
            if (this.status === 200) state.texts.push(this.responseText);
          });
        }
        open.apply(this, args);
      } as typeof XMLHttpRequest.prototype.open;

      const tileIndex = new WeakMap<Element, number>();
      new MutationObserver((records) => {
        const now = Date.now();
        for (const record of records) {
          const element = record.target as Element;
          const raw = element.getAttribute('data-value');
          if (raw === null || raw === '') continue;
          let index = tileIndex.get(element);
          if (index === undefined) {
            index = state.keys.length;
            tileIndex.set(element, index);
            state.keys.push(`${element.getAttribute('data-stat')}|${element.getAttribute('data-object-type')}|${element.getAttribute('data-object-id')}`);
          }
          state.tile.push(index);
          state.value.push(Number(raw));
          state.seenAt.push(now);
          state.lastChangeAt = now;
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-value'] });
    },
    { key: KEY, path: NOTIFICATIONS_PATH },
  );
}

/** The changes recorded so far (a copy). */
export function readTileChanges(page: Page): Promise<TileChanges> {
  return page.evaluate((key: string) => {
    const state = (window as unknown as Record<string, CaptureState | undefined>)[key];
    if (!state) throw new Error('the update capture is not installed in this page');
    return { keys: state.keys, tile: state.tile, value: state.value, seenAt: state.seenAt, lastChangeAt: state.lastChangeAt };
  }, KEY);
}

/** When the last tile change was seen (the page's `Date.now()`, 0 for never): cheap to poll. */
export function lastTileChangeAt(page: Page): Promise<number> {
  return page.evaluate((key: string) => (window as unknown as Record<string, CaptureState | undefined>)[key]?.lastChangeAt ?? 0, KEY);
}

/**
 * Parses the kept answers in the page (after the run, so it costs the measurement nothing) and
 * returns every StatisticUpdate's statistic, value and stamp in the order received. Only the
 * documented shapes are read (`data.data.statistics` or `data.statistics`, docs/vendors/genesys-engage.md §2.9).
 */
export function readReceivedUpdates(page: Page): Promise<ReceivedUpdates> {
  return page.evaluate((key: string) => {
    const state = (window as unknown as Record<string, CaptureState | undefined>)[key];
    if (!state) throw new Error('the update capture is not installed in this page');
    const ids = new Map<string, number>();
    const out = { statisticIds: [] as string[], statistic: [] as number[], value: [] as number[], stampedAt: [] as number[], responses: state.texts.length, updateMessages: 0 };
    for (const text of state.texts) {
      let messages: unknown;
      try {
        messages = JSON.parse(text);
      } catch {
        continue;
      }
      if (!Array.isArray(messages)) continue;
      for (const message of messages as Array<{ channel?: unknown; data?: { data?: { statistics?: unknown }; statistics?: unknown } }>) {
        if (message.channel !== '/statistics/v3/updates') continue;
        const list = message.data?.data?.statistics ?? message.data?.statistics;
        if (!Array.isArray(list)) continue;
        out.updateMessages++;
        for (const s of list as Array<{ statisticId?: unknown; timestamp?: unknown; value?: { intValue?: unknown } }>) {
          if (typeof s.statisticId !== 'string' || typeof s.timestamp !== 'number' || typeof s.value?.intValue !== 'number') continue;
          let index = ids.get(s.statisticId);
          if (index === undefined) {
            index = out.statisticIds.length;
            ids.set(s.statisticId, index);
            out.statisticIds.push(s.statisticId);
          }
          out.statistic.push(index);
          out.value.push(s.value.intValue);
          out.stampedAt.push(s.timestamp);
        }
      }
    }
    const received: ReceivedUpdates = out;
    return received;
  }, KEY);
}

/** Every tile's key and `data-value` now. */
export function readShownValues(page: Page): Promise<Array<{ key: string; value: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="tile"]')].map((t) => ({
      key: `${t.getAttribute('data-stat')}|${t.getAttribute('data-object-type')}|${t.getAttribute('data-object-id')}`,
      value: t.getAttribute('data-value') ?? '',
    })),
  );
}
