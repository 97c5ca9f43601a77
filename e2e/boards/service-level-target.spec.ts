import type { Page, Request } from '@playwright/test';
import { expect, testWithOwnMock as test } from '../support/fixtures.ts';
import { answerTimeTargetDefinition as serviceLevelDefinition } from '../../src/sources/genesys-v3/service-level-definition.ts';
import { mockAdmin, setAgentStatus } from '../support/mock-admin.ts';
import { setClock, signIn, snapshot } from '../support/sign-in.ts';

/**
 * Issue 8: per-queue service-level targets. Two ServiceLevel tiles for the VIP queue, the catalog's
 * (answered within 120 s) and one with `serviceLevelSeconds: 20`. The second is subscribed as an
 * inline definition with its answer-time range changed, and the mock computes it: of two scripted
 * calls, answered after 5 s and after 32 s, both count within 120 s and one within 20 s.
 */
// A fixed morning in UTC: the whole script stays inside one hour of ServiceLevel's hourly window.
test.use({ mockArgs: ['--no-traffic', '--time-zone', 'UTC', '--start-at', String(Date.UTC(2026, 2, 10, 10, 5))] });

const QUEUE = 'vip';
const SKILL = 'retention';
const BOARD_ID = 'sl-targets';

const TARGETS_BOARD = {
  version: 1,
  id: BOARD_ID,
  title: 'Service-level targets',
  tiles: [
    { id: 'sl-default', statistic: 'ServiceLevel', object: { type: 'Queue', id: QUEUE }, format: 'percent', layout: { x: 0, y: 0, w: 6, h: 3 } },
    {
      id: 'sl-20',
      title: 'VIP service level',
      statistic: 'ServiceLevel',
      object: { type: 'Queue', id: QUEUE },
      format: 'percent',
      layout: { x: 6, y: 0, w: 6, h: 3 },
      serviceLevelSeconds: 20,
    },
  ],
};

interface SentStatistic {
  readonly statisticId: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly name?: string;
  readonly definition?: Record<string, unknown>;
}

/** The statistics of every subscription the app opened. */
function recordCreates(page: Page): SentStatistic[] {
  const sent: SentStatistic[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/statistics/v3/subscriptions')) return;
    const body = request.postDataJSON() as { data: { statistics: SentStatistic[] } };
    sent.push(...body.data.statistics);
  });
  return sent;
}

test('should subscribe a ServiceLevel tile with its own answer time as an inline definition and show what the mock computed for it', async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  // The board is one of this browser's own boards (as an import leaves it).
  await page.addInitScript((stored) => localStorage.setItem('wallboard.boards.v1', stored), JSON.stringify({ boards: [TARGETS_BOARD] }));
  const sent = recordCreates(page);
  await signIn(page);
  await setClock(page, { paused: true });

  // Nobody takes the queue's calls until the script says so.
  const { agents } = await snapshot(page);
  const takers = agents.filter((agent) => agent.skills.includes(SKILL)).map((agent) => agent.id);
  expect(takers.length).toBeGreaterThanOrEqual(2);
  for (const id of takers) await setAgentStatus(page, id, 'NotReadyForNextCall');

  await page.locator(`[data-testid="board-tab"][data-board="${BOARD_ID}"]`).click();
  await expect(page.getByTestId('board')).toHaveAttribute('data-board', BOARD_ID);
  const tiles = page.locator(`[data-testid="tile"][data-stat="ServiceLevel"][data-object-type="queue"][data-object-id="${QUEUE}"]`);
  await expect(tiles).toHaveCount(2);
  const [plain, within20] = [tiles.nth(0), tiles.nth(1)];
  await expect(plain).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  await expect(within20).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  await expect(within20).toContainText('answered within 20 s');
  await expect(plain).not.toContainText('answered within');

  // What went to the Statistics API: the catalog's statistic by name, the target as the definition with 0–20 s.
  const vip = sent.filter((s) => s.objectType === 'Queue' && s.objectId === QUEUE);
  expect(vip.filter((s) => s.name === 'ServiceLevel')).toHaveLength(1);
  const inline = vip.filter((s) => s.definition !== undefined);
  expect(inline).toHaveLength(1);
  expect(inline[0]).not.toHaveProperty('name');
  // Exactly what the app builds for a 20 s target (its unit test pins every field of it).
  expect(inline[0]?.definition).toEqual(serviceLevelDefinition('ServiceLevel', 20));
  expect(inline[0]?.definition).toMatchObject({ timeRangeLeft: 0, timeRangeRight: 20 });

  // Two calls arrive at once; one is answered after 5 s (4 s waiting + 1 s ringing), the other after 32 s.
  for (let i = 0; i < 2; i++) await mockAdmin(page, 'POST', 'calls', { queueId: QUEUE, patienceMs: 3_600_000, ringMs: 1000, talkMs: 600_000 });
  await setClock(page, { advanceMs: 4000 });
  await setAgentStatus(page, takers[0] ?? '', 'WaitForNextCall');
  await setClock(page, { advanceMs: 27_000 });
  await setAgentStatus(page, takers[1] ?? '', 'WaitForNextCall');
  // Both statistics are notified every 10 s of simulated time: 12 s brings a value after the second answer.
  await setClock(page, { advanceMs: 12_000 });

  await expect(plain).toHaveAttribute('data-value', '100', { timeout: 15_000 });
  await expect(within20).toHaveAttribute('data-value', '50', { timeout: 15_000 });
  await expect(plain.getByTestId('tile-value')).toHaveText('100%');
  await expect(within20.getByTestId('tile-value')).toHaveText('50%');
  await expect(within20).toHaveAttribute('data-status', 'live');
  await setClock(page, { paused: false });
  expect(pageErrors.map((e) => e.message)).toEqual([]);
});
