import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { mockServerPlugin } from './mock-server/vite-plugin.ts';
import packageJson from './package.json' with { type: 'json' };

// `npm run dev` serves the SPA with HMR and mounts the mock backend in the same
// origin, so the OAuth redirect and the STATISTICS_SESSIONID cookie behave as in production.
export default defineConfig({
  plugins: [react(), tailwindcss(), mockServerPlugin()],
  build: { target: 'es2022', sourcemap: true },
  // The health overlay tells the person on the ladder which build the TV runs.
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
});
