import { z } from 'zod';
import type { Route } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';
import type { GenesysCloudContext } from './gc-context.ts';
import { badRequest, parseBody } from './gc-errors.ts';
import { isUserMetric, queueObservations, QUEUE_OBSERVATION_METRICS, type QueueObservationMetric } from './gc-floor.ts';
import { filterSchema, matchedValues, matchesFilter } from './gc-query-filter.ts';

/** Queues one query may name; more is refused (public clients keep to 100 as well). */
export const MAX_QUEUES_PER_QUERY = 100;
const MEDIA_TYPE = 'voice';

const querySchema = z.object({
  filter: filterSchema(['queueId', 'mediaType']),
  metrics: z.array(z.string()).min(1, { error: 'at least one metric is required' }).max(50),
  detailMetrics: z.array(z.string()).max(50).optional(),
});

const KNOWN: ReadonlySet<string> = new Set(QUEUE_OBSERVATION_METRICS);

function unknownMetric(names: readonly string[]): string | undefined {
  return names.find((m) => !KNOWN.has(m));
}

/**
 * `POST /api/v2/analytics/queues/observations/query`: the floor now, per queue named in the filter.
 * User metrics come in a `{queueId}` group, conversation metrics in `{queueId, mediaType: 'voice'}`.
 */
export function observationRoute(context: GenesysCloudContext): Route {
  return gcRoute(context, {
    method: 'POST',
    path: '/api/v2/analytics/queues/observations/query',
    permissions: ['analytics:queueObservation:view'],
    handler(request) {
      const body = parseBody(querySchema, request);
      if (!body.ok) return body.response;
      const { filter, metrics, detailMetrics = [] } = body.data;
      const unknown = unknownMetric([...metrics, ...detailMetrics]);
      if (unknown !== undefined) return badRequest(`Invalid metric "${unknown}". Valid metrics: ${QUEUE_OBSERVATION_METRICS.join(', ')}`);
      const queueIds = [...new Set(matchedValues(filter, 'queueId').map((id) => id.toLowerCase()))];
      if (queueIds.length === 0) return badRequest('The filter must name at least one queueId');
      if (queueIds.length > MAX_QUEUES_PER_QUERY) {
        return badRequest(`The filter names ${queueIds.length} queueIds; at most ${MAX_QUEUES_PER_QUERY} are allowed per query`);
      }
      const asked = [...new Set([...metrics, ...detailMetrics])] as QueueObservationMetric[];
      const details = detailMetrics as QueueObservationMetric[];
      const floor = context.state.floor();
      const results = queueIds.flatMap((queueId) => {
        const simId = floor.ids.toSim('queue', queueId);
        if (simId === undefined) return [];
        const data = queueObservations(floor, simId, asked, details);
        const users = data.filter((d) => isUserMetric(d.metric));
        const conversations = data.filter((d) => !isUserMetric(d.metric));
        const usersGroup = { queueId };
        const mediaGroup = { queueId, mediaType: MEDIA_TYPE };
        return [
          ...(asked.some(isUserMetric) && matchesFilter(filter, usersGroup, ['mediaType']) ? [{ group: usersGroup, data: users }] : []),
          ...(asked.some((m) => !isUserMetric(m)) && matchesFilter(filter, mediaGroup) ? [{ group: mediaGroup, data: conversations }] : []),
        ];
      });
      return { status: 200, json: { results } };
    },
  });
}
