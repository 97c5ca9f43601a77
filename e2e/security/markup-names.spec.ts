import { expect, test, type Page } from '../support/fixtures.ts';
import { selectBoard } from '../support/faults.ts';
import { signIn } from '../support/sign-in.ts';

// "Object names containing markup (`<img src=x onerror=…>`, `"><script>`) are shown as text; a spec
// proves no script runs." The mock serves the names through `POST /mock/admin/names`.

const QUEUE_NAME = '<img src=x onerror="window.__xss=1">Sales';
const SKILL_NAME = '"><script>window.__xss=2</script>';
const AGENT_FIRST_NAME = '<b onmouseover=window.__xss=3>Ava</b>';

async function rename(page: Page, type: 'queue' | 'skill' | 'agent', id: string, name: string): Promise<void> {
  const response = await page.request.post('/mock/admin/names', { data: { type, id, name } });
  expect(response.ok(), await response.text()).toBe(true);
}

function xss(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

test.describe('object names containing markup', () => {
  test.afterEach(async ({ page }) => {
    const cleared = await page.request.delete('/mock/admin/names');
    expect(cleared.ok()).toBe(true);
  });

  test('should be shown as text on every board, with no script run and no element created', async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    // Renamed before signing in: the app fetches the listings fresh after sign-in.
    await rename(page, 'queue', 'sales', QUEUE_NAME);
    await rename(page, 'skill', 'support', SKILL_NAME);
    await rename(page, 'agent', 'agent-01', AGENT_FIRST_NAME);
    await signIn(page);

    const board = page.getByTestId('board');
    for (const [name, literal] of [
      ['queues', QUEUE_NAME],
      ['skills', SKILL_NAME],
      ['agents', AGENT_FIRST_NAME],
    ] as const) {
      await selectBoard(page, name);
      // The literal name, angle brackets and all, is on the board as text.
      await expect(board.getByText(literal).first()).toBeVisible({ timeout: 15_000 });
      if (name === 'agents') {
        // Hovering is what the agent's `onmouseover` would have needed.
        await board.getByText(literal).first().hover();
      }
      await expect(board.locator('img[src="x"], script, b[onmouseover]')).toHaveCount(0);
      expect(await xss(page)).toBeUndefined();
    }

    // Nothing was parsed as markup anywhere on the page either, and nothing ran late.
    await expect(page.locator('img[src="x"], [onerror], [onmouseover]')).toHaveCount(0);
    expect(await xss(page)).toBeUndefined();
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  });
});
