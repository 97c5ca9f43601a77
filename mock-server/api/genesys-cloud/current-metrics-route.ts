import { z } from 'zod';
import { startOfLocalDay } from '../../lib/zoned-time.ts';
import type { Route } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';
import { directoryOf, type GenesysCloudContext } from './gc-context.ts';
import { badRequest, parseBody } from './gc-errors.ts';
import { queueObservations, type GcFloor } from './gc-floor.ts';

/**
 * `POST /api/v2/analytics/queues/currentmetrics/query`, the route of the seed tutorial
 * (docs/vendors/genesys-cloud.md): NO real tenant serves it. The mock answers it in the tutorial's
 * shape so the tutorial's sample code runs; a wallboard should use `observations/query`.
 */
export const CURRENT_METRICS = ['abandonedCalls', 'availableAgents', 'waitingCalls', 'inProgressCalls'] as const;
type CurrentMetric = (typeof CURRENT_METRICS)[number];

const querySchema = z.object({
  view: z.literal('QueueCurrentMetricsView', { error: 'view must be "QueueCurrentMetricsView"' }),
  entities: z.array(z.string().max(200)).max(500).optional(),
  metrics: z.array(z.enum(CURRENT_METRICS, { error: `metrics must be among ${CURRENT_METRICS.join(', ')}` })).min(1).max(20),
});

function countOf(floor: GcFloor, queueId: string, metric: 'oWaiting' | 'oInteracting'): number {
  return queueObservations(floor, queueId, [metric])[0]?.stats.count ?? 0;
}

function idleAgents(floor: GcFloor, queueId: string): number {
  return queueObservations(floor, queueId, ['oOnQueueUsers']).find((d) => d.qualifier === 'IDLE')?.stats.count ?? 0;
}

export function currentMetricsRoute(context: GenesysCloudContext): Route {
  return gcRoute(context, {
    method: 'POST',
    path: '/api/v2/analytics/queues/currentmetrics/query',
    handler(request) {
      const body = parseBody(querySchema, request);
      if (!body.ok) return body.response;
      const { entities, metrics } = body.data;
      if (entities !== undefined && entities.length === 0) return badRequest('entities, when given, must name at least one queue');
      const dir = directoryOf(context);
      const { floor } = dir;
      const wanted = entities && new Set(entities.map((e) => e.toLowerCase()));
      const dayStart = startOfLocalDay(floor.snapshot.now, context.timeZone);
      const abandonedToday = new Map<string, number>();
      for (const call of context.state.history.records()) {
        if (call.abandonedAt !== undefined && call.abandonedAt >= dayStart) abandonedToday.set(call.queueId, (abandonedToday.get(call.queueId) ?? 0) + 1);
      }
      const value = (queueId: string, metric: CurrentMetric): number => {
        switch (metric) {
          case 'abandonedCalls':
            return abandonedToday.get(queueId) ?? 0;
          case 'availableAgents':
            return idleAgents(floor, queueId);
          case 'waitingCalls':
            return countOf(floor, queueId, 'oWaiting');
          case 'inProgressCalls':
            return countOf(floor, queueId, 'oInteracting');
        }
      };
      // Unknown queue ids are left out: the tutorial's "Empty Results".
      const results = floor.config.queues
        .filter((q) => !wanted || wanted.has(floor.ids.toVendor('queue', q.id)))
        .map((q) => ({
          entityId: floor.ids.toVendor('queue', q.id),
          entityType: 'queue',
          entityName: dir.names?.get('queue', q.id) ?? q.name,
          metrics: Object.fromEntries(metrics.map((m) => [m, { value: value(q.id, m) }])),
        }));
      return { status: 200, json: { view: 'QueueCurrentMetricsView', results } };
    },
  });
}
