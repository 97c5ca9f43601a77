// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { wallboardStatistics } from '../../vocabulary/statistics.ts';
import type { SourceContext } from '../source-definition.ts';
import { genesysCloudDefinition } from './genesys-cloud-definition.ts';
import { createFakeGc, gcError, json, type FakeGc } from './test-support/fake-gc.ts';

function contextOf(gc: FakeGc): SourceContext {
  return {
    settings: { id: 'cloud', kind: 'genesys-cloud', apiBaseUrl: 'https://api.fake' },
    authorizedFetch: gc.fetch,
    getAccessToken: () => 'token',
    onTokenChange: () => () => undefined,
    handleUnauthorized: () => Promise.resolve(false),
  };
}

describe('genesysCloudDefinition', () => {
  it('should describe itself as a push source whose sockets beat every 30 s', () => {
    expect(genesysCloudDefinition).toMatchObject({ kind: 'genesys-cloud', label: 'Genesys Cloud', freshness: { mode: 'push', silenceLimitMs: 75_000 } });
  });

  it('should offer every wallboard statistic it can supply, with Genesys Cloud meanings, and its own beside them', async () => {
    const catalog = await genesysCloudDefinition.loadCatalog(contextOf(createFakeGc()));
    expect(catalog.objectKinds).toEqual(['queue', 'skill', 'agent']);
    const ids = catalog.statistics.map((s) => s.id);
    for (const s of wallboardStatistics()) expect(ids).toContain(s.id);
    expect(ids).toEqual(expect.arrayContaining(['gc-interacting', 'gc-alerting', 'gc-on-queue-agents', 'gc-not-responding-agents', 'gc-offered']));
    const byId = new Map(catalog.statistics.map((s) => [s.id, s]));
    expect(byId.get('Current_In_Queue')).toMatchObject({ kinds: ['queue'], format: 'count', thresholdRule: 'calls-waiting' });
    expect(byId.get('ServiceLevel')).toMatchObject({ kinds: ['queue', 'skill'], format: 'percent', vendorTypes: { queue: 'queue', skill: 'skill' } });
    expect(byId.get('ServiceLevel')?.answerTimeTarget).toBeUndefined();
    expect(byId.get('CurrentAgentState')).toMatchObject({ kinds: ['agent'], format: 'agent-state', vendorTypes: { agent: 'user' } });
    expect(byId.get('LongestIdleTime')?.kinds).toEqual(['queue', 'skill']);
    for (const s of catalog.statistics) expect(s.meaning.length).toBeGreaterThan(20);
  });

  it('should list every page of queues, skills and users by name, leaving out an odd entry', async () => {
    const gc = createFakeGc();
    for (let i = 0; i < 250; i++) gc.queues.push({ id: `q-${String(i).padStart(3, '0')}`, name: `Queue ${String(i).padStart(3, '0')}` });
    gc.skills.push({ id: 's1', name: 'Billing' }, { id: '', name: 'broken' } as { id: string; name: string });
    gc.users.push({ id: 'u1', name: 'Zoe', skills: [], status: 'IDLE', startTime: 0, presence: 'ON_QUEUE' }, { id: 'u2', name: 'Adam', skills: [], status: 'IDLE', startTime: 0, presence: 'ON_QUEUE' });
    const context = contextOf(gc);
    const queues = await genesysCloudDefinition.listObjects(context, 'queue');
    expect(queues).toHaveLength(250);
    expect(queues[0]).toEqual({ id: 'q-000', name: 'Queue 000' });
    expect(gc.requests.map((r) => r.path)).toEqual([1, 2, 3].map((n) => `/api/v2/routing/queues?pageSize=100&pageNumber=${n}`));
    expect(await genesysCloudDefinition.listObjects(context, 'skill')).toEqual([{ id: 's1', name: 'Billing' }]);
    expect((await genesysCloudDefinition.listObjects(context, 'agent')).map((u) => u.name)).toEqual(['Adam', 'Zoe']);
  });

  it('should follow nextUri when a listing gives no page count', async () => {
    const gc = createFakeGc();
    gc.fail(
      (r) => r.path.startsWith('/api/v2/routing/skills'),
      () => json(200, { entities: [{ id: 's1', name: 'One' }], nextUri: '/api/v2/routing/skills?pageSize=100&pageNumber=2' }),
    );
    gc.fail((r) => r.path.startsWith('/api/v2/routing/skills'), () => json(200, { entities: [{ id: 's2', name: 'Two' }] }));
    expect(await genesysCloudDefinition.listObjects(contextOf(gc), 'skill')).toEqual([
      { id: 's1', name: 'One' },
      { id: 's2', name: 'Two' },
    ]);
  });

  it('should refuse with words a person can act on', async () => {
    const gc = createFakeGc();
    gc.fail(() => true, () => gcError(403, 'You must have at least one of the following permissions assigned: [routing:queue:view]'));
    await expect(genesysCloudDefinition.listObjects(contextOf(gc), 'queue')).rejects.toThrow('Genesys Cloud did not list its queues: Missing permission: routing:queue:view');
    await expect(genesysCloudDefinition.listObjects(contextOf(gc), 'agent-group')).rejects.toThrow('Genesys Cloud has no agent groups to list here');
  });
});
