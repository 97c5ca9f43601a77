import { z } from 'zod';

/** `/mock/admin/...` calls the integration test needs (no auth: mock only). */

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Moves the simulated clock (speed 0: it moves only through this). */
export async function advanceClock(baseUrl: string, advanceMs: number): Promise<void> {
  await post(`${baseUrl}/mock/admin/clock`, { advanceMs });
}

export async function setServiceState(baseUrl: string, state: 'AVAILABLE' | 'UNAVAILABLE'): Promise<void> {
  await post(`${baseUrl}/mock/admin/service-state`, { state });
}

const sessionsSchema = z.object({
  sessions: z.array(z.object({ id: z.string(), user: z.string(), subscriptions: z.number(), statistics: z.number() }).passthrough()),
  subscriptions: z.number(),
  statistics: z.number(),
});
export type AdminSessions = z.infer<typeof sessionsSchema>;

export async function adminSessions(baseUrl: string): Promise<AdminSessions> {
  const response = await fetch(`${baseUrl}/mock/admin/sessions`);
  if (response.status !== 200) throw new Error(`GET /mock/admin/sessions answered ${response.status}`);
  return sessionsSchema.parse(await response.json());
}
