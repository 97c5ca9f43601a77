import { z } from 'zod';

/**
 * What a person chose: follow the operating system (the default), or one theme whatever it says.
 * The choice is kept per browser; a kiosk address can override it (docs/kiosk.md).
 */
export const themePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreferenceSchema>;

/** What the page shows: `data-theme` on <html> (src/index.css remaps the palette for light). */
export const themeSchema = z.enum(['light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const THEME_PREFERENCES: readonly ThemePreference[] = themePreferenceSchema.options;

export const THEME_PREFERENCE_KEY = 'wallboard.theme.v1';

/** Stored data is an edge: anything but a known choice (absent, edited, from a later version) is 'system'. */
export function parseThemePreference(raw: unknown): ThemePreference {
  const parsed = themePreferenceSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'system';
}

/** A kiosk's `theme=` parameter: only an explicit theme overrides; anything else leaves the stored choice. */
export function parseThemeOverride(raw: string | null): Theme | undefined {
  const parsed = themeSchema.safeParse(raw?.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

export interface ThemeInputs {
  readonly preference: ThemePreference;
  /** `prefers-color-scheme: light`; false where the browser cannot tell, so the dark-first look stays. */
  readonly systemPrefersLight: boolean;
  readonly override?: Theme | undefined;
}

export function resolveTheme({ preference, systemPrefersLight, override }: ThemeInputs): Theme {
  if (override) return override;
  if (preference === 'system') return systemPrefersLight ? 'light' : 'dark';
  return preference;
}
