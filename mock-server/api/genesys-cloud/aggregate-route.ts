import { z } from 'zod';
import { assertTimeZone } from '../../lib/zoned-time.ts';
import type { Route } from '../http-types.ts';
import { aggregateConversations, AGGREGATE_DIMENSIONS, AGGREGATE_METRICS, type AggregateMetric } from './gc-aggregates.ts';
import { gcRoute } from './gc-auth.ts';
import type { GenesysCloudContext } from './gc-context.ts';
import { badRequest, parseBody } from './gc-errors.ts';
import { parseDurationMs, parseInterval } from './gc-interval.ts';
import { filterSchema, type Dimensions } from './gc-query-filter.ts';

/** Buckets one query may ask for (interval / granularity). */
const MAX_BUCKETS = 10_000;

const querySchema = z.object({
  interval: z.string().max(100),
  granularity: z.string().max(40).optional(),
  timeZone: z.string().max(100).optional(),
  groupBy: z.array(z.enum(AGGREGATE_DIMENSIONS, { error: `groupBy dimensions must be among ${AGGREGATE_DIMENSIONS.join(', ')}` })).max(10).optional(),
  filter: filterSchema(AGGREGATE_DIMENSIONS).optional(),
  metrics: z.array(z.string()).min(1, { error: 'at least one metric is required' }).max(50),
});

const KNOWN: ReadonlySet<string> = new Set(AGGREGATE_METRICS);

function validTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * `POST /api/v2/analytics/conversations/aggregates/query` over the calls of the simulation (the last
 * 8 days). `timeZone` is checked, but buckets are cut from the interval's start in fixed lengths.
 */
export function aggregateRoute(context: GenesysCloudContext): Route {
  return gcRoute(context, {
    method: 'POST',
    path: '/api/v2/analytics/conversations/aggregates/query',
    permissions: ['analytics:conversationAggregate:view'],
    handler(request) {
      const body = parseBody(querySchema, request);
      if (!body.ok) return body.response;
      const q = body.data;
      const unknown = q.metrics.find((m) => !KNOWN.has(m));
      if (unknown !== undefined) return badRequest(`Invalid metric "${unknown}". The mock serves: ${AGGREGATE_METRICS.join(', ')}`);
      const interval = parseInterval(q.interval);
      if (typeof interval === 'string') return badRequest(interval);
      if (q.timeZone !== undefined && !validTimeZone(q.timeZone)) return badRequest(`Unknown timeZone "${q.timeZone}"`);
      const granularityMs = q.granularity === undefined ? undefined : parseDurationMs(q.granularity);
      if (q.granularity !== undefined && granularityMs === undefined) {
        return badRequest(`granularity must be an ISO-8601 duration in weeks, days, hours, minutes or seconds, got "${q.granularity}"`);
      }
      if (granularityMs !== undefined && (interval.end - interval.start) / granularityMs > MAX_BUCKETS) {
        return badRequest(`The interval holds more than ${MAX_BUCKETS} buckets of ${q.granularity ?? ''}`);
      }
      const { ids, history } = context.state;
      const config = context.state.floor().config;
      const dimensions = new Map<string, Dimensions>(
        config.queues.map((queue) => [
          queue.id,
          { queueId: ids.toVendor('queue', queue.id), mediaType: 'voice', requestedRoutingSkillId: ids.toVendor('skill', queue.skillId) },
        ]),
      );
      const results = aggregateConversations(
        history.records(),
        {
          start: interval.start,
          end: interval.end,
          ...(granularityMs === undefined ? {} : { granularityMs }),
          groupBy: q.groupBy ?? [],
          ...(q.filter ? { filter: q.filter } : {}),
          metrics: q.metrics as AggregateMetric[],
        },
        (call) => dimensions.get(call.queueId) ?? {},
      );
      // The platform answers a query without data with an empty object.
      return { status: 200, json: results.length === 0 ? {} : { results } };
    },
  });
}
