import { expect, test, type Page } from '../support/fixtures.ts';
import { clearAllFaults, expectEveryTile, injectFaults, observeFor, startClean, tiles } from '../support/faults.ts';
import { setClock, signIn } from '../support/sign-in.ts';

// Issue 5, fault "20 % malformed notifications for 60 s": bad ones dropped and counted in
// diagnostics; no tile ever shows a value that was not a number. The clock runs at speed 20 so many
// notifications flow; every tile's value is read four times a second through the 60 s.
const FAULT_MS = 60_000;

const FINITE_NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;
const AGENT_STATE_WORD = /^[A-Z][A-Za-z]+$/;
const NOT_VALUES = new Set(['NaN', 'Infinity', 'Null', 'Undefined']);

function isAcceptableValue(value: string | null): boolean {
  if (value === '') return true;
  if (value === null) return false;
  if (FINITE_NUMBER.test(value)) return Number.isFinite(Number(value));
  return AGENT_STATE_WORD.test(value) && !NOT_VALUES.has(value);
}

/** Reads every tile's data-value, remembers any unacceptable one, and answers the drop counter. */
async function sample(page: Page, bad: string[]): Promise<number> {
  const values = await tiles(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  for (const v of values) if (!isAcceptableValue(v)) bad.push(String(v));
  const dropped = await page.getByTestId('diagnostics-dropped').textContent();
  return Number(dropped ?? 'NaN');
}

test.describe('fault: a share of notifications are malformed', () => {
  test.beforeEach(async ({ page }) => {
    await startClean(page);
  });

  test.afterEach(async ({ page }) => {
    await clearAllFaults(page);
  });

  test('should drop and count malformed notifications, and never show a value that is not a number or a state, through 60 s', async ({ page }) => {
    test.setTimeout(150_000);
    const pageErrors: Error[] = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    await signIn(page);
    await expectEveryTile(page, 'live', 15_000);
    await page.getByRole('button', { name: 'Diagnostics' }).click();
    await expect(page.getByTestId('diagnostics-dropped')).toHaveText('0');

    await injectFaults(page, { malformedRate: 0.2 });
    await setClock(page, { speed: 20 });
    const bad: string[] = [];
    let dropped = 0;
    await observeFor(
      FAULT_MS,
      async () => {
        dropped = await sample(page, bad);
      },
      250,
    );
    expect(dropped, 'malformed notifications counted in diagnostics').toBeGreaterThan(0);
    expect(bad, `tiles showed values that were not numbers: ${bad.slice(0, 5).join(', ')}`).toEqual([]);

    await clearAllFaults(page);
    await expectEveryTile(page, 'live', 10_000);
    await sample(page, bad);
    expect(bad).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
