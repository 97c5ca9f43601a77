import { setupServer, type SetupServer } from 'msw/node';
import type { MockCore } from '../../../../mock-server/create-mock-core.ts';
import { createMswMock } from '../../../../mock-server/msw/create-msw-handlers.ts';

export const ORIGIN = 'http://wallboard.test';
export const API_KEY = 'wallboard-demo-key';

/** The mock's REST API in-process (MSW), its clock stopped on a busy weekday morning. */
export interface MswMock {
  readonly core: MockCore;
  readonly server: SetupServer;
  /** Statistics open on the mock now, over all subscriptions. */
  openStatistics(): number;
  /** A client-credentials token, as the wallboard service account gets one. */
  serviceToken(): Promise<string>;
}

export function createMswTestMock(): MswMock {
  const { core, handlers } = createMswMock({ speed: 0, randomTraffic: false, timeZone: 'UTC', startAt: Date.UTC(2026, 10, 23, 10, 30) }, ORIGIN);
  return {
    core,
    server: setupServer(...handlers),
    openStatistics: () => [...core.engine.subscriptions.all()].reduce((sum, s) => sum + s.statistics.length, 0),
    async serviceToken() {
      const response = await fetch(`${ORIGIN}/auth/v3/oauth/token`, {
        method: 'POST',
        headers: {
          'x-api-key': API_KEY,
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${btoa('wallboard-service:wallboard-service-secret')}`,
        },
        body: 'grant_type=client_credentials',
      });
      return ((await response.json()) as { access_token: string }).access_token;
    },
  };
}
