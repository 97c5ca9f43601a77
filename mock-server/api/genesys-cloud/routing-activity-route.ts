import { z } from 'zod';
import type { Route } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';
import type { GenesysCloudContext } from './gc-context.ts';
import { badRequest, parseBody } from './gc-errors.ts';
import { queueMemberIds, userPresence, userRoutingStatus, type GcFloor } from './gc-floor.ts';
import { GC_ROUTING_STATUSES, GC_SYSTEM_PRESENCES } from './gc-status.ts';
import { pageOf } from './gc-paging.ts';
import { filterSchema, matchesFilter } from './gc-query-filter.ts';

export const ROUTING_ACTIVITY_METRICS = ['oActiveUsers', 'oMemberUsers', 'oOffQueueUsers', 'oOnQueueUsers', 'oUserPresences', 'oUserRoutingStatuses'] as const;
type Metric = (typeof ROUTING_ACTIVITY_METRICS)[number];
const DIMENSIONS = ['queueId', 'userId', 'routingStatus', 'systemPresence'] as const;

const querySchema = z.object({
  metrics: z
    .array(z.object({ metric: z.enum(ROUTING_ACTIVITY_METRICS, { error: `metric must be one of ${ROUTING_ACTIVITY_METRICS.join(', ')}` }), details: z.boolean().optional() }))
    .min(1, { error: 'at least one metric is required' })
    .max(20),
  groupBy: z.array(z.enum(['queueId', 'userId'], { error: 'groupBy dimensions must be queueId or userId' })).max(2).optional(),
  filter: filterSchema(DIMENSIONS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

/** One user's membership of one queue, with the user's state: what routing activity counts. */
interface Membership {
  readonly queueId: string;
  readonly userId: string;
  readonly routingStatus: string;
  readonly routingStatusDate: string;
  readonly systemPresence: string;
  readonly presenceDate: string;
}

function memberships(floor: GcFloor): Membership[] {
  return floor.config.queues.flatMap((queue) =>
    queueMemberIds(floor, queue.id).flatMap((agentId) => {
      const routing = userRoutingStatus(floor, agentId);
      const presence = userPresence(floor, agentId);
      if (!routing || !presence) return [];
      return [{ queueId: floor.ids.toVendor('queue', queue.id), userId: routing.userId, routingStatus: routing.status, routingStatusDate: routing.startTime, systemPresence: presence.systemPresence, presenceDate: presence.since }];
    }),
  );
}

/** Members counted by a metric, per qualifier ('' when the metric has none). */
function counted(metric: Metric, members: readonly Membership[]): [string, Membership[]][] {
  const by = (qualifiers: readonly string[], of: (m: Membership) => string, list: readonly Membership[]): [string, Membership[]][] =>
    qualifiers.map((q): [string, Membership[]] => [q, list.filter((m) => of(m) === q)]).filter(([, l]) => l.length > 0);
  const active = members.filter((m) => m.systemPresence !== 'OFFLINE');
  switch (metric) {
    case 'oMemberUsers':
      return [['', [...members]]];
    case 'oActiveUsers':
      return [['', active]];
    case 'oOffQueueUsers':
      return [['', active.filter((m) => m.systemPresence !== 'ON_QUEUE')]];
    case 'oOnQueueUsers':
      return by(GC_ROUTING_STATUSES, (m) => m.routingStatus, members.filter((m) => m.systemPresence === 'ON_QUEUE'));
    case 'oUserRoutingStatuses':
      return by(GC_ROUTING_STATUSES, (m) => m.routingStatus, members);
    case 'oUserPresences':
      return by(GC_SYSTEM_PRESENCES, (m) => m.systemPresence, members);
  }
}

/**
 * `POST /api/v2/analytics/routing/activity/query`: users' routing status and presence per queue.
 * Metrics asked with `details: true` list their users in `entityIds` and the group's `entities`
 * (with `routingStatusDate`: longest idle = the oldest IDLE date), ordered by `activityDate`.
 */
export function routingActivityRoute(context: GenesysCloudContext): Route {
  return gcRoute(context, {
    method: 'POST',
    path: '/api/v2/analytics/routing/activity/query',
    permissions: ['analytics:queueObservation:view'],
    handler(request) {
      const body = parseBody(querySchema, request);
      if (!body.ok) return body.response;
      const paged = pageOf(request.query);
      if (!paged.ok) return paged.response;
      const { metrics, groupBy = [], filter, order = 'asc' } = body.data;
      if (new Set(groupBy).size !== groupBy.length) return badRequest('groupBy names a dimension twice');
      const all = memberships(context.state.floor()).filter((m) => matchesFilter(filter, { ...m }));
      const groups = new Map<string, Membership[]>();
      for (const m of all) {
        const key = groupBy.map((d) => m[d]).join('|');
        const list = groups.get(key);
        if (list) list.push(m);
        else groups.set(key, [m]);
      }
      const { pageSize, pageNumber } = paged.page;
      const results = [...groups.values()].map((members) => {
        const detailed = new Set<Membership>();
        const data = metrics.flatMap(({ metric, details }) =>
          counted(metric, members).map(([qualifier, list]) => {
            if (details) for (const m of list) detailed.add(m);
            const userIds = [...new Set(list.map((m) => m.userId))];
            return { metric, ...(qualifier ? { qualifier } : {}), count: userIds.length, ...(details ? { entityIds: userIds } : {}) };
          }),
        );
        const first = members[0] as Membership;
        const entities = [...detailed]
          .map((m) => ({ ...m, activityDate: m.routingStatusDate > m.presenceDate ? m.routingStatusDate : m.presenceDate, queueMembershipStatus: 'ACTIVE' }))
          .sort((a, b) => (order === 'asc' ? a.activityDate.localeCompare(b.activityDate) : b.activityDate.localeCompare(a.activityDate)))
          .slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
        return { group: Object.fromEntries(groupBy.map((d) => [d, first[d]])), data, ...(detailed.size > 0 ? { entities } : {}) };
      });
      const detailsAsked = metrics.some((m) => m.details);
      return { status: 200, json: { results, ...(detailsAsked ? { entityIdDimension: 'userId' } : {}) } };
    },
  });
}
