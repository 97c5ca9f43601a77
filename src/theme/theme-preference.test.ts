import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseThemeOverride, parseThemePreference, resolveTheme, THEME_PREFERENCES } from './theme-preference.ts';

describe('parseThemePreference', () => {
  it('should read each known choice', () => {
    for (const preference of THEME_PREFERENCES) expect(parseThemePreference(preference)).toBe(preference);
  });

  it('should fall back to system for a missing or unknown value', () => {
    expect(parseThemePreference(null)).toBe('system');
    expect(parseThemePreference('')).toBe('system');
    expect(parseThemePreference('Light')).toBe('system');
    expect(parseThemePreference('"light"')).toBe('system');
    expect(parseThemePreference(42)).toBe('system');
  });

  it('should always give a known choice, whatever is stored', () => {
    fc.assert(fc.property(fc.anything(), (raw) => THEME_PREFERENCES.includes(parseThemePreference(raw))));
  });
});

describe('parseThemeOverride', () => {
  it('should read light and dark, forgiving case and spaces', () => {
    expect(parseThemeOverride('light')).toBe('light');
    expect(parseThemeOverride(' DARK ')).toBe('dark');
  });

  it('should ignore anything else, so the stored choice applies', () => {
    expect(parseThemeOverride(null)).toBeUndefined();
    expect(parseThemeOverride('')).toBeUndefined();
    expect(parseThemeOverride('system')).toBeUndefined();
    expect(parseThemeOverride('blue')).toBeUndefined();
  });
});

describe('resolveTheme', () => {
  it('should follow the system setting by default', () => {
    expect(resolveTheme({ preference: 'system', systemPrefersLight: true })).toBe('light');
    expect(resolveTheme({ preference: 'system', systemPrefersLight: false })).toBe('dark');
  });

  it('should keep an explicit choice whatever the system says', () => {
    expect(resolveTheme({ preference: 'light', systemPrefersLight: false })).toBe('light');
    expect(resolveTheme({ preference: 'dark', systemPrefersLight: true })).toBe('dark');
  });

  it('should let an override win over the choice and the system', () => {
    expect(resolveTheme({ preference: 'dark', systemPrefersLight: false, override: 'light' })).toBe('light');
    expect(resolveTheme({ preference: 'system', systemPrefersLight: true, override: 'dark' })).toBe('dark');
  });
});
