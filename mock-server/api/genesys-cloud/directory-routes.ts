import type { Route } from '../http-types.ts';
import { gcRoute } from './gc-auth.ts';
import { directoryOf, listParam, nameMatches, sortByName, type GenesysCloudContext } from './gc-context.ts';
import { agentEntity, demoUserEntity, findDemoUser, offQueueSinceDayStart, queueEntity, skillEntity, type Entity } from './gc-directory.ts';
import { badRequest, gcError, notFound } from './gc-errors.ts';
import { userRoutingStatus } from './gc-floor.ts';
import { listing, pageOf } from './gc-paging.ts';
import { demoUsers, findUser, DEMO_TENANT } from '../auth/demo-identities.ts';
import { queueMemberRoute } from './queue-member-route.ts';

const USER_STATES = new Set(['active', 'inactive', 'deleted', 'any']);

/** Users, queues and skills of the demo organization (`/api/v2/users`, `/routing/queues`, `/routing/skills`). */
export function directoryRoutes(context: GenesysCloudContext): Route[] {
  const ids = context.state.ids;
  return [
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/users/me',
      handler(request, principal) {
        if (principal.kind !== 'user') {
          return badRequest('This request requires a user context. Client credentials cannot be used for requests to this resource.');
        }
        const user = findUser(principal.tenant, principal.subject) ?? findUser(DEMO_TENANT, principal.subject);
        if (!user) return notFound(`No user "${principal.subject}" in this organization`);
        return { status: 200, json: demoUserEntity(directoryOf(context), user, new Set(listParam(request.query, 'expand'))) };
      },
    }),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/users',
      handler(request) {
        const paged = pageOf(request.query);
        if (!paged.ok) return paged.response;
        const state = request.query.get('state') ?? 'active';
        if (!USER_STATES.has(state)) return badRequest(`state must be one of active, inactive, deleted, any; got "${state}"`);
        const dir = directoryOf(context);
        const expand = new Set(listParam(request.query, 'expand'));
        const wanted = new Set(listParam(request.query, 'id').map((id) => id.toLowerCase()));
        // Every user of the demo organization is active. Entities are built for the page only.
        const all: { readonly id: string; readonly build: () => Entity }[] =
          state === 'active' || state === 'any'
            ? [
                ...dir.floor.config.agents.map((a) => ({ id: ids.toVendor('agent', a.id), build: () => agentEntity(dir, a, expand) })),
                ...demoUsers().map((u) => ({ id: ids.toVendor('user', u.username), build: () => demoUserEntity(dir, u, expand) })),
              ]
            : [];
        const users = all.filter((u) => wanted.size === 0 || wanted.has(u.id));
        const ordered = request.query.get('sortOrder')?.toLowerCase() === 'desc' ? users.reverse() : users;
        return { status: 200, json: listing(ordered, paged.page, '/api/v2/users', request.query, true, (u) => u.build()) };
      },
    }),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/users/:userId',
      handler(request) {
        const dir = directoryOf(context);
        const userId = request.params.userId ?? '';
        const expand = new Set(listParam(request.query, 'expand'));
        const agentId = ids.toSim('agent', userId);
        const agent = dir.floor.config.agents.find((a) => a.id === agentId);
        if (agent) return { status: 200, json: agentEntity(dir, agent, expand) };
        const user = findDemoUser(dir, userId);
        return user ? { status: 200, json: demoUserEntity(dir, user, expand) } : notFound(`Unable to find a user with id ${userId}`);
      },
    }),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/users/:userId/routingstatus',
      handler(request) {
        const dir = directoryOf(context);
        const userId = request.params.userId ?? '';
        const agentId = ids.toSim('agent', userId);
        const status = agentId === undefined ? undefined : userRoutingStatus(dir.floor, agentId);
        if (status) return { status: 200, json: status };
        if (findDemoUser(dir, userId)) return { status: 200, json: offQueueSinceDayStart(dir, userId.toLowerCase()) };
        return notFound(`Unable to find a user with id ${userId}`);
      },
    }),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/routing/queues',
      permissions: ['routing:queue:view'],
      handler(request) {
        const paged = pageOf(request.query);
        if (!paged.ok) return paged.response;
        const dir = directoryOf(context);
        const wanted = new Set(listParam(request.query, 'id').map((id) => id.toLowerCase()));
        const queues = dir.floor.config.queues
          .map((q) => queueEntity(dir, q))
          .filter((q) => (wanted.size === 0 || wanted.has(String(q.id))) && nameMatches(request.query.get('name'), String(q.name)));
        return { status: 200, json: listing(sortByName(queues, request.query.get('sortOrder')), paged.page, '/api/v2/routing/queues', request.query) };
      },
    }),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/routing/queues/:queueId',
      permissions: ['routing:queue:view'],
      handler(request) {
        const dir = directoryOf(context);
        const queueId = ids.toSim('queue', request.params.queueId ?? '');
        const queue = dir.floor.config.queues.find((q) => q.id === queueId);
        return queue ? { status: 200, json: queueEntity(dir, queue) } : notFound(`Unable to find a queue with id ${request.params.queueId ?? ''}`);
      },
    }),
    queueMemberRoute(context),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/routing/skills',
      handler(request) {
        const paged = pageOf(request.query);
        if (!paged.ok) return paged.response;
        const dir = directoryOf(context);
        const wanted = new Set(listParam(request.query, 'id').map((id) => id.toLowerCase()));
        const skills = dir.floor.config.skills
          .map((s) => skillEntity(dir, s))
          .filter((s) => (wanted.size === 0 || wanted.has(String(s.id))) && nameMatches(request.query.get('name'), String(s.name)));
        return { status: 200, json: listing(sortByName(skills, null), paged.page, '/api/v2/routing/skills', request.query) };
      },
    }),
    gcRoute(context, {
      method: 'GET',
      path: '/api/v2/routing/skills/:skillId',
      handler(request) {
        const dir = directoryOf(context);
        const skillId = ids.toSim('skill', request.params.skillId ?? '');
        const skill = dir.floor.config.skills.find((s) => s.id === skillId);
        return skill ? { status: 200, json: skillEntity(dir, skill) } : gcError(404, 'not.found', `Unable to find a skill with id ${request.params.skillId ?? ''}`);
      },
    }),
  ];
}
