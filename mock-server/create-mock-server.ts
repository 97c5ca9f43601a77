import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { createCometdFacade, type CometdFacade } from './api/cometd/create-cometd-facade.ts';
import { routerMiddleware } from './api/express-adapter.ts';
import { createMockCore, type MockCore } from './create-mock-core.ts';
import { faultMiddleware } from './fault-middleware.ts';
import { mockOptionsSchema, type MockOptions } from './mock-options.ts';
import { serveSpa } from './serve-spa.ts';
import { demoConfig } from './demo-config.ts';

export const NOTIFICATIONS_PATH = '/statistics/v3/notifications';

export interface MockServer {
  readonly core: MockCore;
  readonly cometd: CometdFacade;
  readonly app: Express;
  /** Mounts everything on an Express app without listening (the Vite dev server uses this). */
  readonly url: string;
  close(): Promise<void>;
}

/** The Express app for a core: faults, CometD, APIs, then the SPA. */
export function createMockApp(core: MockCore, cometd: CometdFacade): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(faultMiddleware(core.faults, { router: core.router, requests: core.requests }));
  app.use((req, res, next) => {
    if (req.path === NOTIFICATIONS_PATH || req.path.startsWith(`${NOTIFICATIONS_PATH}/`)) cometd.handle(req, res);
    else next();
  });
  app.use(routerMiddleware(core.router));
  const config = demoConfig(core.options.source);
  if (config !== undefined) {
    app.get('/config.json', (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.json(config);
    });
  }
  if (core.options.distDir) app.use(...serveSpa(core.options.distDir));
  app.use((_req, res) => {
    res.status(404).json({ status: { code: 404, message: 'Resource not found' } });
  });
  return app;
}

export function attachCometd(core: MockCore): CometdFacade {
  const cometd = createCometdFacade({
    apiKey: core.options.apiKey,
    tokens: core.auth,
    registry: core.engine.subscriptions,
    timeoutMs: core.options.cometdTimeoutMs,
    maxIntervalMs: core.options.cometdMaxIntervalMs,
  });
  core.attach({
    sessionOwner: (request, principal) => cometd.ownerForRequest(request.cookies, principal),
    publishServiceState: (state) => cometd.publishServiceState(state),
    setMalformedRate: (rate) => cometd.setMalformedRate(rate),
    dropAllSessions: () => cometd.dropAllSessions(),
    stallAllSessions: () => cometd.stallAllSessions(),
    clearStalledSessions: () => cometd.clearStalledSessions(),
    stalledRequests: () => cometd.held().stalledRequests,
    sessions: () => cometd.sessions(),
  });
  core.auth.onRevoked((tokenIds) => cometd.revokeSessionsOfTokens(tokenIds));
  return cometd;
}

/** Starts the whole mock backend on a port (0 = any free one) and resolves once it accepts requests. */
export async function startMockServer(input: MockOptions = {}): Promise<MockServer> {
  const options = mockOptionsSchema.parse(input);
  const core = createMockCore(options);
  const cometd = attachCometd(core);
  const app = createMockApp(core, cometd);
  const server: Server = createServer(app);
  // Long polls are held up to the CometD timeout; Node must not cut them first.
  server.requestTimeout = 0;
  server.headersTimeout = 65_000;
  server.keepAliveTimeout = 65_000;
  // Genesys Cloud's notification channels are the only WebSockets here; any other upgrade is dropped.
  server.on('upgrade', (request, socket, head) => {
    if (!core.genesysCloudNotifications.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  core.setOrigins([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  core.start();
  return {
    core,
    cometd,
    app,
    url: `http://localhost:${port}`,
    async close() {
      core.stop();
      cometd.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
