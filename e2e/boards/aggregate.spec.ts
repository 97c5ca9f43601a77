import type { Locator, Page } from '@playwright/test';
import { expect, testWithOwnMock as test } from '../support/fixtures.ts';
import { mockAdmin, setAgentStatus } from '../support/mock-admin.ts';
import { setClock, signIn, snapshot } from '../support/sign-in.ts';

/**
 * Issue 8: aggregate tiles. One board holds (a) Current_In_Queue summed over three queues and
 * (b) ServiceLevel over two queues weighted by answered calls, beside each queue's own tiles. The
 * mock runs without traffic on a paused clock; scripted calls wait and are answered when the script
 * makes an agent ready, so the numbers are known: the sum is checked against the mock's ground
 * truth (the snapshot's waiting calls), the weighted service level against the per-queue tiles and
 * against what the script did.
 */
// A fixed morning in UTC: the script stays inside one hour of ServiceLevel's hourly window.
test.use({ mockArgs: ['--no-traffic', '--time-zone', 'UTC', '--start-at', String(Date.UTC(2026, 2, 10, 10, 5))] });

const BOARD_ID = 'aggregates';
const WAITING = ['sales', 'support', 'billing'] as const;
const SERVICE = ['sales', 'support'] as const;
const queues = (ids: readonly string[]): { type: string; id: string }[] => ids.map((id) => ({ type: 'Queue', id }));

const BOARD = {
  version: 1,
  id: BOARD_ID,
  title: 'Aggregates',
  tiles: [
    ...WAITING.map((id, i) => ({ id: `ciq-${id}`, statistic: 'Current_In_Queue', object: { type: 'Queue', id }, format: 'count', layout: { x: 3 * i, y: 0, w: 3, h: 2 } })),
    { kind: 'aggregate', id: 'ciq-all', title: 'Waiting, all queues', statistic: 'Current_In_Queue', format: 'count', objects: queues(WAITING), combine: 'sum', layout: { x: 9, y: 0, w: 3, h: 2 } },
    ...SERVICE.flatMap((id, i) => [
      { id: `sl-${id}`, statistic: 'ServiceLevel', object: { type: 'Queue', id }, format: 'percent', layout: { x: 2 * i, y: 2, w: 2, h: 2 } },
      { id: `answered-${id}`, statistic: 'Total_Answered', object: { type: 'Queue', id }, format: 'count', layout: { x: 4 + 2 * i, y: 2, w: 2, h: 2 } },
    ]),
    { kind: 'aggregate', id: 'sl-all', title: 'Service level, sales and support', statistic: 'ServiceLevel', format: 'percent', objects: queues(SERVICE), combine: 'weighted-mean', layout: { x: 8, y: 2, w: 4, h: 2 } },
  ],
};

function tile(page: Page, statistic: string, objectId: string): Locator {
  return page.locator(`[data-testid="tile"][data-stat="${statistic}"][data-object-type="queue"][data-object-id="${objectId}"]`);
}

async function numberOf(locator: Locator): Promise<number> {
  const value = await locator.getAttribute('data-value');
  expect(value, 'a tile with a value').toBeTruthy();
  return Number(value);
}

/** The sum tile shows the mock's waiting calls over the three queues, as each queue's tile does. */
async function expectWaitingAsTheMockSays(page: Page, sum: Locator): Promise<void> {
  const truth = new Map((await snapshot(page)).queues.map((queue) => [queue.id, queue.waiting.length]));
  const total = WAITING.reduce((n, id) => n + (truth.get(id) ?? 0), 0);
  for (const id of WAITING) await expect(tile(page, 'Current_In_Queue', id)).toHaveAttribute('data-value', String(truth.get(id)), { timeout: 15_000 });
  await expect(sum).toHaveAttribute('data-value', String(total), { timeout: 15_000 });
  await expect(sum).toHaveAttribute('data-status', 'live');
}

test('should sum calls in queue over several queues and weight a service level by answered calls, as the mock counts them', async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  // The board is one of this browser's own boards (as an import leaves it).
  await page.addInitScript((stored) => localStorage.setItem('wallboard.boards.v1', stored), JSON.stringify({ boards: [BOARD] }));
  await signIn(page);
  await setClock(page, { paused: true });

  // Nobody takes a call until the script says so; then one agent per queue, each with that skill only.
  const { agents } = await snapshot(page);
  for (const agent of agents) if (agent.state !== 'LoggedOut') await setAgentStatus(page, agent.id, 'NotReadyForNextCall');
  const onlyFor = (skill: string): string => {
    const agent = agents.find((a) => a.state !== 'LoggedOut' && a.skills.length === 1 && a.skills[0] === skill);
    expect(agent, `a logged-in agent with only the ${skill} skill`).toBeDefined();
    return agent?.id ?? '';
  };
  const salesAgent = onlyFor('sales');
  const supportAgent = onlyFor('support');

  await page.locator(`[data-testid="board-tab"][data-board="${BOARD_ID}"]`).click();
  await expect(page.getByTestId('board')).toHaveAttribute('data-board', BOARD_ID);
  const sum = tile(page, 'Current_In_Queue', WAITING.join(','));
  const weighted = tile(page, 'ServiceLevel', SERVICE.join(','));
  await expect(sum).toHaveCount(1);
  await expect(weighted).toHaveCount(1);
  await expect(sum.getByTestId('aggregate-caption')).toHaveText('sum of 3 queues');
  await expect(weighted.getByTestId('aggregate-caption')).toHaveText('2 queues, weighted by answered calls');

  // (a) Two, one and three calls wait; Current_In_Queue is notified every 10 s of simulated time.
  const calls = { sales: 2, support: 1, billing: 3 };
  for (const [queueId, n] of Object.entries(calls)) {
    for (let i = 0; i < n; i++) await mockAdmin(page, 'POST', 'calls', { queueId, patienceMs: 3_600_000, talkMs: 1000 });
  }
  await setClock(page, { advanceMs: 10_000 });
  await expectWaitingAsTheMockSays(page, sum);
  await expect(sum).toHaveAttribute('data-value', '6');

  // (b) The waiting calls pass the 120 s of ServiceLevel; then four more sales calls, and one agent
  // each for sales and support. Sales answers its two old calls late and the four new ones at once
  // (4 of 6 in time), support its one old call late (0 of 1): 4 of 7 calls in time in all — not
  // the plain mean of 67 % and 0 %.
  await setClock(page, { advanceMs: 120_000 });
  for (let i = 0; i < 4; i++) await mockAdmin(page, 'POST', 'calls', { queueId: 'sales', patienceMs: 3_600_000, talkMs: 1000 });
  await setAgentStatus(page, salesAgent, 'WaitForNextCall');
  await setAgentStatus(page, supportAgent, 'WaitForNextCall');
  await setClock(page, { advanceMs: 30_000 });

  await expect(tile(page, 'Total_Answered', 'sales')).toHaveAttribute('data-value', '6', { timeout: 15_000 });
  await expect(tile(page, 'Total_Answered', 'support')).toHaveAttribute('data-value', '1', { timeout: 15_000 });
  await expect(tile(page, 'ServiceLevel', 'sales')).toHaveAttribute('data-value', '66.67', { timeout: 15_000 });
  await expect(tile(page, 'ServiceLevel', 'support')).toHaveAttribute('data-value', '0', { timeout: 15_000 });
  await expect(weighted).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  await expect(weighted).toHaveAttribute('data-value', /^57\.1/, { timeout: 15_000 });

  // The aggregate is exactly the per-queue service levels weighted by the per-queue answered calls…
  const parts = await Promise.all(SERVICE.map(async (id) => ({ sl: await numberOf(tile(page, 'ServiceLevel', id)), answered: await numberOf(tile(page, 'Total_Answered', id)) })));
  const fromTiles = parts.reduce((n, p) => n + p.sl * p.answered, 0) / parts.reduce((n, p) => n + p.answered, 0);
  const shown = await numberOf(weighted);
  expect(shown).toBeCloseTo(fromTiles, 9);
  // …which is what the script did (the mock rounds each service level to two decimals)…
  expect(Math.abs(shown - (100 * 4) / 7)).toBeLessThan(0.01);
  // …and not the plain mean of the two percentages.
  expect(Math.abs(shown - (parts[0]?.sl ?? 0) / 2 - (parts[1]?.sl ?? 0) / 2)).toBeGreaterThan(20);
  await expect(weighted.getByTestId('tile-value')).toHaveText('57%');

  // The queues emptied but billing's: the sum follows the mock.
  await expectWaitingAsTheMockSays(page, sum);
  await expect(sum).toHaveAttribute('data-value', '3');

  await setClock(page, { paused: false });
  expect(pageErrors.map((e) => e.message)).toEqual([]);
});
