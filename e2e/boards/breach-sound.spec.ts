import type { Locator, Page } from '@playwright/test';
import { CHIME_WINDOW_MS } from '../../src/alerts/breach-chime.ts';
import { expect, testWithOwnMock as test } from '../support/fixtures.ts';
import { signInKiosk } from '../support/kiosk.ts';
import { mockAdmin, setAgentStatus } from '../support/mock-admin.ts';
import { setClock, signIn, snapshot } from '../support/sign-in.ts';

/**
 * Issue 8: a board with `"sound": true` chimes once when a tile on screen enters a breach, not on
 * every value while it stays. The VIP queue's calls are scripted on the mock's paused clock (as in
 * thresholds.spec.ts); `AudioContext` is replaced by a recorder, so each chime is one oscillator
 * start with its notes' frequencies.
 */
test.use({ mockArgs: ['--no-traffic'] });

const QUEUE = 'vip';
const SKILL = 'retention';
const WARNING_HZ = [660];
const CRITICAL_HZ = [880, 1320];

function soundBoard(id: string, sound: boolean | undefined): object {
  return {
    version: 1,
    id,
    title: id,
    ...(sound === undefined ? {} : { sound }),
    tiles: [
      {
        id: 'vip-waiting',
        title: 'VIP calls in queue',
        statistic: 'Current_In_Queue',
        object: { type: 'Queue', id: QUEUE },
        format: 'count',
        layout: { x: 0, y: 0, w: 6, h: 3 },
        thresholds: [
          { when: 'above', value: 3, level: 'warning' },
          { when: 'above', value: 6, level: 'critical' },
        ],
      },
      {
        // A breach of its own (another band, the same lines at whole calls) that begins in the same
        // moment as the stat tile's: the two are heard as one chime.
        kind: 'table',
        id: 'vip-row',
        title: 'VIP',
        object: { type: 'Queue', id: QUEUE },
        layout: { x: 6, y: 0, w: 6, h: 3 },
        columns: [{ statistic: 'Current_In_Queue', format: 'count', thresholds: [{ when: 'above', value: 3, level: 'warning', hysteresis: 0.5 }] }],
      },
    ],
  };
}

interface Chime {
  readonly at: number;
  readonly frequencies: readonly number[];
}
interface SoundRecord {
  readonly contexts: number;
  readonly chimes: readonly Chime[];
}

/**
 * In the page before the app: an AudioContext that records each oscillator started. It runs at
 * once (a kiosk browser with the autoplay flag), or with `heldUntilGesture` it starts suspended and
 * `resume()` starts it only from inside a trusted input event, as Chromium's autoplay policy does.
 * (The real policy cannot be seen under Playwright: its own evaluations count as gestures, and a
 * page is activated within a moment of loading.)
 */
function recordAudio({ heldUntilGesture }: { readonly heldUntilGesture: boolean }): void {
  const record: { contexts: number; chimes: { at: number; frequencies: number[] }[] } = { contexts: 0, chimes: [] };
  (window as unknown as { sound: typeof record }).sound = record;
  const GESTURES = ['pointerdown', 'pointerup', 'mousedown', 'keydown', 'click'];
  class Param {
    readonly values: number[] = [];
    setValueAtTime(value: number): this {
      this.values.push(value);
      return this;
    }
    linearRampToValueAtTime(): this {
      return this;
    }
    exponentialRampToValueAtTime(): this {
      return this;
    }
  }
  class Node extends EventTarget {
    connect<T>(node: T): T {
      return node;
    }
    disconnect(): void {}
  }
  class Gain extends Node {
    readonly gain = new Param();
  }
  class RecordingAudioContext extends EventTarget {
    state: 'suspended' | 'running' = heldUntilGesture ? 'suspended' : 'running';
    readonly currentTime = 0;
    readonly destination = new Node();
    constructor() {
      super();
      record.contexts++;
    }
    createOscillator(): Node {
      return new (class extends Node {
        type = 'sine';
        readonly frequency = new Param();
        start(): void {
          // Recorded even while suspended: a real context would sound it late, once it runs.
          record.chimes.push({ at: performance.now(), frequencies: this.frequency.values });
        }
        stop(): void {}
      })();
    }
    createGain(): Gain {
      return new Gain();
    }
    resume(): Promise<void> {
      // `window.event`: the event being dispatched right now, if any.
      const event = (window as unknown as { event?: Event }).event;
      if (this.state === 'running' || (event?.isTrusted && GESTURES.includes(event.type))) {
        this.state = 'running';
        this.dispatchEvent(new Event('statechange'));
        return Promise.resolve();
      }
      return new Promise(() => undefined);
    }
  }
  Object.defineProperty(window, 'AudioContext', { value: RecordingAudioContext, configurable: true, writable: true });
}

function soundRecord(page: Page): Promise<SoundRecord> {
  return page.evaluate(() => (window as unknown as { sound: SoundRecord }).sound);
}

/** The page's monotonic clock, the one the chime's window is measured on. */
function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

async function chimes(page: Page): Promise<readonly (readonly number[])[]> {
  return (await soundRecord(page)).chimes.map((chime) => chime.frequencies);
}

/** Keeps the boards in this browser's storage, as an import leaves them. */
async function keepBoards(page: Page, boards: readonly object[]): Promise<void> {
  await page.addInitScript((stored) => localStorage.setItem('wallboard.boards.v1', stored), JSON.stringify({ boards }));
}

/** Nobody takes the queue's calls, so each scripted call waits until its patience runs out. */
async function emptyTheFloor(page: Page): Promise<void> {
  const { agents } = await snapshot(page);
  for (const agent of agents) {
    if (!agent.skills.includes(SKILL) || agent.state === 'LoggedOut') continue;
    await setAgentStatus(page, agent.id, 'NotReadyForNextCall');
  }
}

async function call(page: Page, patienceMs: number, count = 1): Promise<void> {
  for (let i = 0; i < count; i++) await mockAdmin(page, 'POST', 'calls', { queueId: QUEUE, patienceMs });
}

/** Current_In_Queue is notified every 10 s of simulated time: one step, and every VIP tile shows the value at the level. */
async function step(page: Page, tiles: Locator, value: string, level: string): Promise<void> {
  await setClock(page, { advanceMs: 10_000 });
  for (const tile of await tiles.all()) {
    await expect(tile).toHaveAttribute('data-value', value, { timeout: 15_000 });
    await expect(tile).toHaveAttribute('data-level', level);
  }
}

/** Signed in, the clock paused, nobody answering, the board on screen with the queue empty. */
async function openBoard(page: Page, boardId: string): Promise<Locator> {
  await signIn(page);
  await setClock(page, { paused: true });
  await emptyTheFloor(page);
  await page.locator(`[data-testid="board-tab"][data-board="${boardId}"]`).click();
  await expect(page.getByTestId('board')).toHaveAttribute('data-board', boardId);
  const tiles = page.locator(`[data-testid="tile"][data-stat="Current_In_Queue"][data-object-id="${QUEUE}"]`);
  await expect(tiles).toHaveCount(2, { timeout: 15_000 });
  await step(page, tiles, '0', 'ok');
  return tiles;
}

test('should chime once per breach on a board with sound: not while it stays, again for a new breach and for critical', async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.addInitScript(recordAudio, { heldUntilGesture: false });
  await keepBoards(page, [soundBoard('sound-floor', true)]);
  const tiles = await openBoard(page, 'sound-floor');
  expect(await soundRecord(page)).toEqual({ contexts: 1, chimes: [] });
  // The recorder runs at once, as a kiosk browser with the autoplay flag does: no notice.
  await expect(page.getByTestId('sound-blocked')).toHaveCount(0);

  // t = 10 s: four calls wait (they give up after 25 s, 45 s and an hour): both tiles go amber, one chime.
  await call(page, 25_000);
  await call(page, 45_000);
  await call(page, 3_600_000, 2);
  await step(page, tiles, '4', 'warning');
  await expect.poll(() => chimes(page)).toEqual([WARNING_HZ]);

  // Still breached through three more notifications: 5 (a call that gives up after 12 s), 3 (inside
  // the band), 4 (a call that gives up after 15 s).
  await call(page, 12_000);
  await step(page, tiles, '5', 'warning');
  await step(page, tiles, '3', 'warning');
  await call(page, 15_000);
  await step(page, tiles, '4', 'warning');
  // t = 50 s: two more gave up; 2 is past the band and the breach ends. Still the one chime.
  await step(page, tiles, '2', 'ok');
  expect(await chimes(page)).toEqual([WARNING_HZ]);

  // Over the line again — after the window in which breaches count as one — is a new breach.
  const lastChimeAt = (await soundRecord(page)).chimes.at(-1)?.at ?? 0;
  await expect.poll(async () => (await pageNow(page)) - lastChimeAt).toBeGreaterThan(CHIME_WINDOW_MS);
  await call(page, 3_600_000, 2);
  await step(page, tiles, '4', 'warning');
  await expect.poll(() => chimes(page)).toEqual([WARNING_HZ, WARNING_HZ]);

  // Worse: the stat tile goes critical (the table's column has no critical line): the higher chime, at once.
  await call(page, 3_600_000, 3);
  await setClock(page, { advanceMs: 10_000 });
  await expect(tiles.first()).toHaveAttribute('data-level', 'critical', { timeout: 15_000 });
  await expect.poll(() => chimes(page)).toEqual([WARNING_HZ, WARNING_HZ, CRITICAL_HZ]);
  expect((await soundRecord(page)).contexts).toBe(1);
  await setClock(page, { paused: false });
  expect(pageErrors).toEqual([]);
});

test('should make no sound, and no AudioContext, for the same board without sound', async ({ page }) => {
  await page.addInitScript(recordAudio, { heldUntilGesture: false });
  await keepBoards(page, [soundBoard('quiet-floor', undefined)]);
  const tiles = await openBoard(page, 'quiet-floor');
  await call(page, 3_600_000, 4);
  await step(page, tiles, '4', 'warning');
  await call(page, 3_600_000, 3);
  await step(page, tiles.first(), '7', 'critical');
  await expect(page.getByTestId('sound-blocked')).toHaveCount(0);
  expect(await soundRecord(page)).toEqual({ contexts: 0, chimes: [] });
  await setClock(page, { paused: false });
});

test("should say when the browser holds the sound back, play nothing meanwhile, and start it from the notice's button", async ({ page }) => {
  await page.addInitScript(recordAudio, { heldUntilGesture: true });
  await keepBoards(page, [soundBoard('sound-floor', true)]);
  // A TV: the board opens on its own after the sign-in, with no gesture on the page.
  await signInKiosk(page, '/kiosk?board=sound-floor');
  await setClock(page, { paused: true });
  await emptyTheFloor(page);
  const notice = page.getByTestId('sound-blocked');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-state', 'blocked');
  await expect(notice).toContainText('holding back');

  const tiles = page.locator(`[data-testid="tile"][data-stat="Current_In_Queue"][data-object-id="${QUEUE}"]`);
  await expect(tiles).toHaveCount(2);
  await call(page, 15_000, 2);
  await call(page, 3_600_000, 2);
  await step(page, tiles, '4', 'warning');
  const heldBackAt = await pageNow(page);
  // Said on screen instead; and nothing is kept to sound late once audio starts.
  await expect(notice).toBeVisible();

  // One press where the button is. (Playwright's click() retries when its first press did not land
  // on the button, but that press is a gesture too and has already started the sound and taken the
  // notice away: it would wait for the button for ever.)
  const button = await notice.getByRole('button', { name: 'Enable sound' }).boundingBox();
  expect(button).not.toBeNull();
  await page.mouse.click((button?.x ?? 0) + (button?.width ?? 0) / 2, (button?.y ?? 0) + (button?.height ?? 0) / 2);
  await expect(notice).toHaveCount(0);
  expect(await soundRecord(page)).toEqual({ contexts: 1, chimes: [] });
  await step(page, tiles, '2', 'ok');
  // A new breach, past the window of the one that could not be heard.
  await expect.poll(async () => (await pageNow(page)) - heldBackAt).toBeGreaterThan(CHIME_WINDOW_MS);
  await call(page, 3_600_000, 2);
  await step(page, tiles, '4', 'warning');
  await expect.poll(() => chimes(page)).toEqual([WARNING_HZ]);
  await setClock(page, { paused: false });
});
