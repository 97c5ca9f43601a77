import type { Route } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';
import type { GenesysCloudContext } from './gc-context.ts';

/**
 * `GET /api/v2/date` (the SDK's `UtilitiesApi.getDate`, "Get the current system date/time"):
 * `{currentDate}` on the simulated clock, so a client measures waits and "today" on the server's
 * time, not its own (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app").
 */
export function dateRoute(context: GenesysCloudContext): Route {
  return gcRoute(context, {
    method: 'GET',
    path: '/api/v2/date',
    handler: () => ({ status: 200, json: { currentDate: new Date(context.state.floor().snapshot.now).toISOString() } }),
  });
}
