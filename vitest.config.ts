import { defineConfig } from 'vitest/config';

// Two projects: the mock (and benchmarks' helpers and scripts) run in Node; the app's tests in
// jsdom. An app test that drives the real mock over the network opts into Node with
// `// @vitest-environment node`.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'mock', include: ['mock-server/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'app', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
    ],
  },
});
