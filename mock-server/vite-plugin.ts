import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { attachCometd, createMockApp } from './create-mock-server.ts';
import { createMockCore } from './create-mock-core.ts';
import { mockOptionsSchema } from './mock-options.ts';

/**
 * `npm run dev`: the mock backend runs inside the Vite dev server as middleware, so the SPA and
 * every API share one origin (OAuth redirect URIs and the STATISTICS_SESSIONID cookie just work).
 */
export function mockServerPlugin(): Plugin {
  return {
    name: 'wallboard-mock-server',
    apply: 'serve',
    configureServer(server) {
      const core = createMockCore(mockOptionsSchema.parse({ speed: Number(process.env.MOCK_SPEED ?? 1) }));
      const cometd = attachCometd(core);
      // An Express app is a plain Node request listener; it upgrades connect's req/res itself.
      const app = createMockApp(core, cometd) as unknown as (
        req: IncomingMessage,
        res: ServerResponse,
        next: (error?: unknown) => void,
      ) => void;
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address();
        const port = typeof address === 'object' && address ? address.port : 5173;
        core.setOrigins([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
      });
      core.start();
      // Only the upgrades of notification channels; Vite's own HMR socket keeps its upgrades.
      server.httpServer?.on('upgrade', (request, socket, head) => core.genesysCloudNotifications.handleUpgrade(request, socket, head));
      server.httpServer?.once('close', () => {
        core.stop();
        cometd.close();
      });
      // Only API paths go to the mock; everything else is Vite's.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (/^\/(auth\/v3|statistics\/v3|api\/v2|mock\/admin|genesys-cloud)(\/|$)/.test(path)) app(req, res, next);
        else next();
      });
    },
  };
}
