import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rules that keep imports pointing one way (eslint.config.js) must really fire: each case
 * lints one import line as if it were written in that file, with the project's own config.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, from: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-imports');
}

const REFUSED: readonly (readonly [file: string, from: string])[] = [
  ['src/tiles/stat-tile.tsx', '../sources/genesys-v3/create-genesys-v3-source.ts'],
  ['src/app/live-app.tsx', '../sources/genesys-cloud/genesys-cloud-definition.ts'],
  ['src/boards/board-specs.ts', '../sources/genesys-v3/catalog/statistic-catalog.ts'],
  ['src/editor/tile-form.tsx', '../sources/genesys-cloud/gc-catalog.ts'],
  ['src/kiosk/kiosk-app.tsx', '../sources/genesys-v3/genesys-v3-definition.ts'],
  ['src/store/create-stat-store.ts', '../sources/genesys-v3/engage-spec.ts'],
  ['src/sources/stat-spec.ts', './genesys-v3/engage-spec.ts'],
  // A vendor knows no other vendor.
  ['src/sources/genesys-cloud/gc-catalog.ts', '../genesys-v3/engage-agent-states.ts'],
  ['src/sources/genesys-v3/parse-stat-value.ts', '../genesys-cloud/gc-agent-state.ts'],
  // Sources know nothing of React, the store or the UI.
  ['src/sources/genesys-cloud/gc-catalog.ts', 'react'],
  ['src/sources/genesys-v3/create-genesys-v3-source.ts', '../../store/create-stat-store.ts'],
  ['src/sources/source-definition.ts', '@tanstack/react-query'],
  // Folders below do not reach up.
  ['src/store/create-stat-store.ts', '../tiles/ticking.ts'],
  ['src/vocabulary/statistics.ts', '../sources/source-definition.ts'],
  ['src/lib/format-value.ts', '../vocabulary/stat-formats.ts'],
  ['src/boards/board-specs.ts', '../tiles/stat-tile.tsx'],
  ['src/tiles/stat-tile.tsx', '../editor/tile-form.tsx'],
  ['src/editor/tile-form.tsx', '../app/live-app.tsx'],
  ['src/auth/auth-session.ts', '../store/create-stat-store.ts'],
  ['src/theme/theme-controller.ts', '../boards/board-schema.ts'],
  // The app and the mock stay apart.
  ['src/app/live-app.tsx', '../../mock-server/create-mock-core.ts'],
  ['mock-server/create-mock-core.ts', '../src/boards/board-schema.ts'],
];

const ALLOWED: readonly (readonly [file: string, from: string])[] = [
  ['src/sources/source-registry.ts', './genesys-v3/genesys-v3-definition.ts'],
  ['src/sources/genesys-v3/create-genesys-v3-source.ts', './subscription-book.ts'],
  ['src/sources/genesys-v3/genesys-v3-definition.ts', '../source-definition.ts'],
  ['src/sources/genesys-cloud/gc-catalog.ts', '../../vocabulary/statistics.ts'],
  ['src/app/configured-sources.ts', '../sources/source-registry.ts'],
  ['src/tiles/stat-tile.tsx', '../boards/board-schema.ts'],
  ['src/boards/board-specs.ts', '../sources/stat-spec.ts'],
  ['src/store/create-stat-store.ts', '../sources/stat-source.ts'],
  // Tests may reach the mock.
  ['src/sources/genesys-v3/create-genesys-v3-source.test.ts', '../../../mock-server/create-mock-core.ts'],
];

describe('import direction lint rules', () => {
  it.each(REFUSED)('should refuse, in %s, an import of %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(true);
  });

  it.each(ALLOWED)('should allow, in %s, an import of %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(false);
  });
});
