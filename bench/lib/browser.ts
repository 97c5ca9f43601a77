import { chromium, expect, type Browser, type Page } from '@playwright/test';

/** Debian's Chromium, with the flags this machine needs (no downloads, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Opens the app and fills the mock's sign-in form; returns when the form is submitted (for timing). */
export async function submitSignIn(page: Page, baseUrl: string, user = 'supervisor'): Promise<number> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(user);
  const submittedAt = Date.now();
  await page.locator('form button[type="submit"]').click();
  return submittedAt;
}

/** Waits until the mock's simulated clock has moved `ms` past `from` (a condition, polled). */
export async function waitForSimulatedTime(page: Page, baseUrl: string, from: number, ms: number): Promise<void> {
  await expect.poll(() => simulatedNow(page, baseUrl), { timeout: 120_000, intervals: [500] }).toBeGreaterThanOrEqual(from + ms);
}

export async function simulatedNow(page: Page, baseUrl: string): Promise<number> {
  const clock = (await (await page.request.get(`${baseUrl}/mock/admin/clock`)).json()) as { simNow: number };
  return clock.simNow;
}
