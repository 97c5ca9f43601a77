import type { Route } from '../http-types.ts';
import { aggregateRoute } from './aggregate-route.ts';
import { currentMetricsRoute } from './current-metrics-route.ts';
import { dateRoute } from './date-route.ts';
import { directoryRoutes } from './directory-routes.ts';
import type { GenesysCloudContext } from './gc-context.ts';
import { observationRoute } from './observation-route.ts';
import { routingActivityRoute } from './routing-activity-route.ts';

/** Every REST route of the Genesys Cloud facade under `/genesys-cloud/api/v2` (login and notifications live beside it). */
export function genesysCloudRoutes(context: GenesysCloudContext): Route[] {
  return [
    ...directoryRoutes(context),
    observationRoute(context),
    aggregateRoute(context),
    routingActivityRoute(context),
    currentMetricsRoute(context),
    dateRoute(context),
  ];
}
