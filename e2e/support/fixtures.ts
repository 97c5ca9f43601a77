import { test as base } from '@playwright/test';
import { disposeMockProcess, startMockProcess, type MockProcess } from './mock-process.ts';

export { expect, type Locator, type Page } from '@playwright/test';

/**
 * Every worker runs its own mock process and points `baseURL` (and so `page.goto('/')` and
 * `page.request`) at it: faults, clock changes and name overrides of one spec never reach a spec
 * running in another worker. Specs in one worker run one after another and start clean.
 */
export const test = base.extend<object, { mock: MockProcess }>({
  mock: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const mock = await startMockProcess();
      await use(mock);
      await disposeMockProcess(mock);
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ mock }, use) => {
    await use(mock.baseURL);
  },
});

/**
 * For specs that need a mock of their own (other flags, or one they stop and start): each test
 * starts one with `mockArgs` and `baseURL` points at it. A spec that restarts the process disposes
 * the new one itself.
 */
export const testWithOwnMock = base.extend<{ mockArgs: readonly string[]; ownMock: MockProcess }>({
  mockArgs: [[], { option: true }],
  ownMock: async ({ mockArgs }, use) => {
    const mock = await startMockProcess({ args: mockArgs });
    await use(mock);
    await disposeMockProcess(mock);
  },
  baseURL: async ({ ownMock }, use) => {
    await use(ownMock.baseURL);
  },
});
