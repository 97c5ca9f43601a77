import { expect, type Page } from '@playwright/test';

export interface SignInOptions {
  readonly user?: string;
  readonly password?: string;
  /** The app's address; the worker's mock (`baseURL`) unless a spec runs a mock of its own. */
  readonly at?: string;
}

/** Signs in through the app's button and the mock's sign-in page, as a person would. */
export async function signIn(page: Page, { user = 'supervisor', password = user, at = '/' }: SignInOptions = {}): Promise<void> {
  await page.goto(at);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
}

export interface Snapshot {
  readonly now: number;
  readonly queues: readonly { readonly id: string; readonly waiting: readonly unknown[] }[];
  readonly agents: readonly { readonly id: string; readonly state: string; readonly skills: readonly string[] }[];
}

export async function snapshot(page: Page): Promise<Snapshot> {
  const response = await page.request.get('/mock/admin/snapshot');
  return (await response.json()) as Snapshot;
}

export async function setClock(page: Page, body: { speed?: number; paused?: boolean; advanceMs?: number }): Promise<void> {
  const response = await page.request.post('/mock/admin/clock', { data: body });
  expect(response.ok()).toBe(true);
}
