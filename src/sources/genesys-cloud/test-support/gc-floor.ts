import type { FakeGc } from './fake-gc.ts';

export const SALES = '6f1c0d4e-8a2b-5c3d-9e4f-0a1b2c3d4e5f';
export const SUPPORT = '7a2d1e5f-9b3c-5d4e-8f5a-1b2c3d4e5f60';
export const SKILL = '11111111-2222-5333-8444-555555555555';
export const ANNA = 'aaaaaaaa-0000-5000-8000-000000000001';
export const BEN = 'aaaaaaaa-0000-5000-8000-000000000002';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A small floor in the fake: two queues, a skill, two users, observations and today's totals of Sales. */
export function seedFloor(gc: FakeGc, now: number): void {
  gc.queues.push({ id: SALES, name: 'Sales' }, { id: SUPPORT, name: 'Support' });
  gc.skills.push({ id: SKILL, name: 'Sales skill' });
  gc.users.push(
    { id: ANNA, name: 'Anna', skills: [SKILL], status: 'IDLE', startTime: now - 120_000, presence: 'ON_QUEUE' },
    { id: BEN, name: 'Ben', skills: [SKILL], status: 'OFF_QUEUE', startTime: now - 600_000, presence: 'BREAK' },
  );
  gc.observations.set(SALES, [
    { metric: 'oWaiting', stats: { count: 2 }, observations: [{ observationDate: iso(now - 90_000) }, { observationDate: iso(now - 30_000) }] },
    { metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 1 }, observations: [{ observationDate: iso(now - 120_000), userId: ANNA }] },
    { metric: 'oOnQueueUsers', qualifier: 'INTERACTING', stats: { count: 3 } },
    { metric: 'oOffQueueUsers', stats: { count: 1 } },
    { metric: 'oInteracting', stats: { count: 3 } },
  ]);
  gc.observations.set(SUPPORT, [{ metric: 'oWaiting', stats: { count: 0 } }]);
  gc.aggregates.set(SALES, [
    { metric: 'nOffered', stats: { count: 46 } },
    { metric: 'tAnswered', stats: { count: 40, sum: 400_000 } },
    { metric: 'tAbandon', stats: { count: 4 } },
    { metric: 'oServiceLevel', stats: { ratio: 0.8125, numerator: 13, denominator: 16 } },
  ]);
}
