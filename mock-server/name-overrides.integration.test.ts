import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from './create-mock-server.ts';
import { authHeaders, signInWithPkce, type TokenResponse } from './test-support/http-sign-in.ts';
import { admin, startTestServer } from './test-support/test-server.ts';

const QUEUE_NAME = '<img src=x onerror="window.__xss=1">Sales';
const SKILL_NAME = '"><script>window.__xss=2</script>';
const AGENT_FIRST_NAME = '<b onmouseover=window.__xss=3>Ava</b>';

describe('POST/DELETE /mock/admin/names against the real mock', () => {
  let server: MockServer;
  let tokens: TokenResponse;

  async function listing<T>(resource: string): Promise<T> {
    const response = await fetch(`${server.url}/api/v2/${resource}`, { headers: authHeaders(tokens.access_token) });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function post(body: unknown): Promise<Response> {
    return fetch(`${server.url}/mock/admin/names`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  beforeAll(async () => {
    server = await startTestServer();
    tokens = await signInWithPkce(server.url);
  });
  afterEach(async () => {
    await admin(server, 'DELETE', 'names');
  });
  afterAll(() => server.close());

  it('should serve the overridden names, byte for byte, in the listings until cleared', async () => {
    await admin(server, 'POST', 'names', { type: 'queue', id: 'sales', name: QUEUE_NAME });
    await admin(server, 'POST', 'names', { type: 'skill', id: 'support', name: SKILL_NAME });
    await admin(server, 'POST', 'names', { type: 'agent', id: 'agent-01', name: AGENT_FIRST_NAME });

    const queues = await listing<{ queues: { id: string; name: string }[] }>('queues?fields=*');
    expect(queues.queues.find((q) => q.id === 'sales')?.name).toBe(QUEUE_NAME);
    expect(queues.queues.find((q) => q.id === 'support')?.name).toBe('Support');
    const skill = await listing<{ skill: { name: string } }>('skills/support?fields=*');
    expect(skill.skill.name).toBe(SKILL_NAME);
    const user = await listing<{ user: { firstName: string; lastName: string } }>('users/agent-01?fields=*');
    expect(user.user.firstName).toBe(AGENT_FIRST_NAME);
    expect(user.user.lastName).toBe('Lopez');
    expect(await admin(server, 'GET', 'names')).toEqual({
      names: [
        { type: 'queue', id: 'sales', name: QUEUE_NAME },
        { type: 'skill', id: 'support', name: SKILL_NAME },
        { type: 'agent', id: 'agent-01', name: AGENT_FIRST_NAME },
      ],
    });

    await admin(server, 'DELETE', 'names');
    const restored = await listing<{ queues: { id: string; name: string }[] }>('queues?fields=*');
    expect(restored.queues.find((q) => q.id === 'sales')?.name).toBe('Sales');
    expect((await listing<{ user: { firstName: string } }>('users/agent-01?fields=*')).user.firstName).toBe('Ava');
    expect(await admin(server, 'GET', 'names')).toEqual({ names: [] });
  });

  it('should answer 404 for an unknown id and 400 for a body that is not a name override', async () => {
    expect((await post({ type: 'queue', id: 'no-such-queue', name: 'x' })).status).toBe(404);
    expect((await post({ type: 'agent', id: 'sales', name: 'x' })).status).toBe(404);
    expect((await post({ type: 'team', id: 'team-north', name: 'x' })).status).toBe(400);
    expect((await post({ type: 'queue', id: 'sales' })).status).toBe(400);
    expect((await post({ type: 'queue', id: 'sales', name: 'x', extra: true })).status).toBe(400);
    expect(await admin(server, 'GET', 'names')).toEqual({ names: [] });
  });
});
