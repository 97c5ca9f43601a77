import { expect, type Page } from '@playwright/test';

/** One call of the mock's admin API (docs/mock-server.md "Admin API"), which must succeed; its JSON answer. */
export async function mockAdmin(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<unknown> {
  const response = method === 'GET' ? await page.request.get(`/mock/admin/${path}`) : await page.request.post(`/mock/admin/${path}`, { data });
  expect(response.ok(), `${method} ${path}: ${response.status()}`).toBe(true);
  return response.json();
}

/** Forces an agent's status (`POST /mock/admin/agents/{id}/status`), e.g. so nobody takes a queue's calls. */
export async function setAgentStatus(page: Page, agentId: string, status: 'WaitForNextCall' | 'NotReadyForNextCall' | 'LoggedOut'): Promise<void> {
  await mockAdmin(page, 'POST', `agents/${agentId}/status`, { status });
}
