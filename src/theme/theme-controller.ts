import { parseThemePreference, resolveTheme, THEME_PREFERENCE_KEY, type Theme, type ThemePreference } from './theme-preference.ts';

/** The theme's one home: the stored choice, the system setting, and `data-theme` on <html>. */
export interface ThemeController {
  readonly preference: () => ThemePreference;
  readonly theme: () => Theme;
  readonly setPreference: (preference: ThemePreference) => void;
  /** A kiosk address's `theme=`, known only once the sign-in callback has put the address back. */
  readonly setOverride: (override: Theme | undefined) => void;
  /** For `useSyncExternalStore`: called when the preference or the theme shown changes. */
  readonly subscribe: (listener: () => void) => () => void;
}

export interface ThemeDeps {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** `(prefers-color-scheme: light)`; undefined where the browser has no matchMedia (jsdom). */
  readonly systemLight: Pick<MediaQueryList, 'matches' | 'addEventListener'> | undefined;
  readonly root: { setAttribute(name: string, value: string): void };
  /** A kiosk address's `theme=`: wins over the stored choice and is never stored. */
  readonly override?: Theme | undefined;
}

function readPreference(storage: ThemeDeps['storage']): ThemePreference {
  try {
    return parseThemePreference(storage?.getItem(THEME_PREFERENCE_KEY));
  } catch {
    // Storage switched off (privacy settings): nothing was chosen.
    return 'system';
  }
}

/** Applies the theme at once, so calling this before React renders means no frame in the wrong theme. */
export function createThemeController({ storage, systemLight, root, override: initialOverride }: ThemeDeps): ThemeController {
  let override = initialOverride;
  let preference = readPreference(storage);
  const resolve = (): Theme => resolveTheme({ preference, systemPrefersLight: systemLight?.matches ?? false, override });
  let theme = resolve();
  root.setAttribute('data-theme', theme);
  const listeners = new Set<() => void>();

  function apply(): void {
    const next = resolve();
    if (next === theme) return;
    theme = next;
    root.setAttribute('data-theme', next);
  }

  function notify(): void {
    for (const listener of listeners) listener();
  }

  // A wall screen that follows the OS switches at dusk without a reload.
  systemLight?.addEventListener('change', () => {
    apply();
    notify();
  });

  return {
    preference: () => preference,
    theme: () => theme,
    setPreference(next) {
      preference = next;
      try {
        storage?.setItem(THEME_PREFERENCE_KEY, next);
      } catch {
        // Full or switched off: the choice holds until the next reload.
      }
      apply();
      notify();
    },
    setOverride(next) {
      override = next;
      apply();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
