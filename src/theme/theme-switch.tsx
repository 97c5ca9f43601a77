import { useSyncExternalStore, type ReactElement } from 'react';
import { browserTheme } from './browser-theme.ts';
import type { ThemeController } from './theme-controller.ts';
import { parseThemePreference, THEME_PREFERENCES, type ThemePreference } from './theme-preference.ts';

const LABELS: Readonly<Record<ThemePreference, string>> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};

/** The header's theme choice: a native select, so keyboard and screen readers get it for free. */
export function ThemeSwitch({ controller = browserTheme() }: { readonly controller?: ThemeController }): ReactElement {
  const preference = useSyncExternalStore(controller.subscribe, controller.preference);
  return (
    <select
      data-testid="theme-switch"
      aria-label="Theme"
      title="Theme: follow the system, or always light or dark"
      value={preference}
      onChange={(event) => controller.setPreference(parseThemePreference(event.target.value))}
      className="rounded-md border border-slate-700 bg-slate-950 px-2 py-1 text-sm text-slate-300 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      {THEME_PREFERENCES.map((value) => (
        <option key={value} value={value}>
          {LABELS[value]}
        </option>
      ))}
    </select>
  );
}
