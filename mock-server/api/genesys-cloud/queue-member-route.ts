import type { Route } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';
import { directoryOf, listParam, nameMatches, sortByName, type GenesysCloudContext } from './gc-context.ts';
import { agentEntity } from './gc-directory.ts';
import { notFound } from './gc-errors.ts';
import { queueMemberIds, userPresence, userRoutingStatus } from './gc-floor.ts';
import { listing, pageOf } from './gc-paging.ts';

/** The members listing pages by at most 100, and counts no total. */
const MAX_MEMBERS_PAGE = 100;

/**
 * `GET /api/v2/routing/queues/{queueId}/members`: the agents with the queue's skill (that is how
 * the simulation routes), each with its routing status; filters `routingStatus`, `presence`
 * (system presence), `name`, `joined`.
 */
export function queueMemberRoute(context: GenesysCloudContext): Route {
  return gcRoute(context, {
    method: 'GET',
    path: '/api/v2/routing/queues/:queueId/members',
    permissions: ['routing:queue:view', 'routing:queueMember:manage'],
    handler(request) {
      const dir = directoryOf(context);
      const { floor } = dir;
      const queueGcId = (request.params.queueId ?? '').toLowerCase();
      const queueId = floor.ids.toSim('queue', queueGcId);
      if (queueId === undefined) return notFound(`Unable to find a queue with id ${request.params.queueId ?? ''}`);
      const paged = pageOf(request.query, MAX_MEMBERS_PAGE);
      if (!paged.ok) return paged.response;
      const statuses = new Set(listParam(request.query, 'routingStatus').map((s) => s.toUpperCase()));
      const presences = new Set(listParam(request.query, 'presence').map((s) => s.toUpperCase()));
      const joined = request.query.get('joined');
      const expand = new Set(listParam(request.query, 'expand'));
      const memberIds = new Set(queueMemberIds(floor, queueId));
      const members = floor.config.agents
        .filter((a) => memberIds.has(a.id))
        .flatMap((agent) => {
          const user = agentEntity(dir, agent, expand);
          const routingStatus = userRoutingStatus(floor, agent.id);
          const presence = userPresence(floor, agent.id);
          if (statuses.size > 0 && !statuses.has(routingStatus?.status ?? '')) return [];
          if (presences.size > 0 && !presences.has(presence?.systemPresence ?? '')) return [];
          if (joined === 'false' || !nameMatches(request.query.get('name'), String(user.name))) return [];
          return [
            {
              id: user.id,
              name: user.name,
              user,
              ringNumber: 1,
              joined: true,
              memberBy: 'user',
              ...(routingStatus ? { routingStatus } : {}),
              selfUri: `/api/v2/routing/queues/${queueGcId}/members/${String(user.id)}`,
            },
          ];
        });
      const path = `/api/v2/routing/queues/${queueGcId}/members`;
      return { status: 200, json: listing(sortByName(members, request.query.get('sortOrder')), paged.page, path, request.query, false) };
    },
  });
}
