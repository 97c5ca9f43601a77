import { expect, test, type Locator, type Page } from '../support/fixtures.ts';
import { signInKiosk } from '../support/kiosk.ts';
import { expectSignedInOnItsOwn, signIn } from '../support/sign-in.ts';

// Issue 8: light and dark themes. The browser reports a dark system here, so every light page
// below is light because of the choice or the kiosk address, not by accident.
test.use({ colorScheme: 'dark' });

/**
 * Relative luminance (0 black … 1 white) of an element's colour, or of the background it is seen
 * on (the first ancestor that paints one). Tailwind's colours come out as lab()/oklch(), so the
 * browser itself converts them: painted on a canvas, read back as sRGB.
 */
function luminance(locator: Locator, what: 'text' | 'background'): Promise<number> {
  return locator.evaluate((start, which) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    const rgba = (css: string): Uint8ClampedArray => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      return context.getImageData(0, 0, 1, 1).data;
    };
    let colour = rgba(getComputedStyle(start).color);
    if (which === 'background') {
      let el: Element | null = start;
      colour = rgba('transparent');
      while (el && colour[3] === 0) {
        colour = rgba(getComputedStyle(el).backgroundColor);
        el = el.parentElement;
      }
    }
    const linear = (c: number): number => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(colour[0] ?? 0) + 0.7152 * linear(colour[1] ?? 0) + 0.0722 * linear(colour[2] ?? 0);
  }, what);
}

/** The board itself (BoardView's grid), which paints the board's background. */
function boardGrid(page: Page): Locator {
  return page.getByTestId('board').getByRole('region').first();
}

async function expectTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function expectLightBoard(page: Page): Promise<void> {
  await expectTheme(page, 'light');
  expect(await luminance(boardGrid(page), 'background')).toBeGreaterThan(0.8);
  const value = page.locator('[data-testid="tile"][data-level="none"] [data-testid="tile-value"]').first();
  await expect(value).toBeVisible({ timeout: 15_000 });
  expect(await luminance(value, 'text')).toBeLessThan(0.1);
}

test('should switch the app to light from the header and keep it across a reload', async ({ page }) => {
  await signIn(page);
  await expectTheme(page, 'dark');
  expect(await luminance(boardGrid(page), 'background')).toBeLessThan(0.05);

  await page.getByTestId('theme-switch').selectOption('light');
  await expectLightBoard(page);
  // Native controls follow the theme too.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');

  // A reload comes back to the board signed in on its own (the person did not sign out), still light.
  await page.reload();
  await expectSignedInOnItsOwn(page);
  await expect(page.getByTestId('theme-switch')).toHaveValue('light');
  await expectLightBoard(page);

  // After a sign-out a reload shows the sign-in page first: light too.
  await page.getByTestId('sign-out').click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectTheme(page, 'light');
  expect(await luminance(page.locator('body'), 'background')).toBeGreaterThan(0.8);
  expect(await signIn(page)).toBe('password');
  await expect(page.getByTestId('theme-switch')).toHaveValue('light');
  await expectLightBoard(page);
});

test('should follow the system setting live while the choice is system', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('theme-switch')).toHaveValue('system');
  await expectTheme(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');
  await page.getByTestId('theme-switch').selectOption('dark');
  await expectTheme(page, 'dark');
});

test('should show a kiosk light when its address says theme=light, whatever the system and the stored choice', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => window.localStorage.setItem('wallboard.theme.v1', 'dark'));
  await signInKiosk(page, '/kiosk?board=queues&theme=light');
  await expectLightBoard(page);
  expect(await luminance(page.getByTestId('kiosk'), 'background')).toBeGreaterThan(0.8);

  // A TV's reload signs in from its kept token: the theme is on <html> before the app renders anything.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.getElementById('root')?.firstElementChild) return;
      (window as unknown as { __themeAtFirstRender?: string | null }).__themeAtFirstRender = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __themeAtFirstRender?: string | null }).__themeAtFirstRender)).toBe('light');
  await expectLightBoard(page);
  // The address overrides; it does not become this browser's choice.
  expect(await page.evaluate(() => window.localStorage.getItem('wallboard.theme.v1'))).toBe('dark');
});
