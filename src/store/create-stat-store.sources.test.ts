import { describe, expect, it } from 'vitest';
import { createStatStore, type StatStore } from './create-stat-store.ts';

function setup(): StatStore {
  const stat = createStatStore({ now: () => 1_000_000, requestFrame: () => undefined });
  stat.sinkFor('engage').connection('live');
  stat.sinkFor('cloud').connection('live');
  return stat;
}

describe('stat store with several sources', () => {
  it('should make only the values of the source whose connection dropped stale, and say which source it was', () => {
    const stat = setup();
    stat.sinkFor('engage').updates([{ key: 'engage|queue|sales|Current_In_Queue', value: 2, timestamp: 5, periodMs: 10_000 }]);
    stat.sinkFor('cloud').updates([{ key: 'cloud|queue|q-1|Current_In_Queue', value: 3, timestamp: 5, periodMs: 60_000 }]);
    stat.flush();
    stat.sinkFor('cloud').connection('unavailable', 'HTTP 503');
    const { values, connections, connection } = stat.store.getState();
    expect(values.get('engage|queue|sales|Current_In_Queue')?.status).toBe('live');
    expect(values.get('cloud|queue|q-1|Current_In_Queue')).toMatchObject({ status: 'stale', value: 3, reason: 'connection unavailable' });
    expect(connections.get('engage')?.state).toBe('live');
    expect(connections.get('cloud')).toMatchObject({ state: 'unavailable', detail: 'HTTP 503' });
    expect(connection).toMatchObject({ state: 'unavailable', detail: 'cloud: HTTP 503' });
    // New values of the other source keep arriving live.
    stat.sinkFor('engage').updates([{ key: 'engage|queue|sales|Current_In_Queue', value: 4, timestamp: 6, periodMs: 10_000 }]);
    stat.sinkFor('cloud').updates([{ key: 'cloud|queue|q-1|Current_In_Queue', value: 5, timestamp: 6, periodMs: 60_000 }]);
    stat.flush();
    expect(stat.store.getState().values.get('engage|queue|sales|Current_In_Queue')).toMatchObject({ status: 'live', value: 4 });
    expect(stat.store.getState().values.get('cloud|queue|q-1|Current_In_Queue')).toMatchObject({ status: 'stale', value: 5 });
  });
});

describe('stat store and timestamps', () => {
  const key = 'engage|queue|sales|Current_In_Queue';

  it('should never let an older value of one subscription replace a newer one', () => {
    const stat = setup();
    stat.sinkFor('engage').updates([{ key, value: 2, timestamp: 500, periodMs: 10_000 }]);
    stat.flush();
    stat.sinkFor('engage').updates([{ key, value: 9, timestamp: 400, periodMs: 10_000 }]);
    stat.flush();
    expect(stat.store.getState().values.get(key)).toMatchObject({ value: 2, timestamp: 500 });
  });

  it('should take the first value of a new subscription as the truth even when its server clock is behind', () => {
    const stat = setup();
    stat.sinkFor('engage').updates([{ key, value: 2, timestamp: 500, periodMs: 10_000 }]);
    stat.flush();
    // A failover to a server whose clock is 100 ms behind: its first value wins, in the same frame as its next.
    stat.sinkFor('engage').updates([{ key, value: 7, timestamp: 400, periodMs: 10_000, first: true }]);
    stat.sinkFor('engage').updates([{ key, value: 8, timestamp: 410, periodMs: 10_000 }]);
    stat.flush();
    expect(stat.store.getState().values.get(key)).toMatchObject({ value: 8, timestamp: 410 });
    // From then on the new subscription's own order holds.
    stat.sinkFor('engage').updates([{ key, value: 1, timestamp: 405, periodMs: 10_000 }]);
    stat.flush();
    expect(stat.store.getState().values.get(key)).toMatchObject({ value: 8, timestamp: 410 });
  });
});
