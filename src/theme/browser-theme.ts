import { createThemeController, type ThemeController } from './theme-controller.ts';
import type { Theme } from './theme-preference.ts';

let started: ThemeController | undefined;

function localStorageOrNone(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The page's theme, started once at module start of src/main.tsx (before React, so a TV never
 * shows a frame in the wrong theme) and read by the header's switch.
 */
export function startBrowserTheme(override?: Theme): ThemeController {
  started ??= createThemeController({
    storage: localStorageOrNone(),
    systemLight: typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: light)') : undefined,
    root: document.documentElement,
    override,
  });
  return started;
}

export function browserTheme(): ThemeController {
  return started ?? startBrowserTheme();
}
