import type { TokenVerifier } from '../auth/auth-types.ts';
import type { NameOverrides } from '../../admin/name-overrides.ts';
import type { ContactCenterConfig } from '../../sim/sim-types.ts';
import { bearerToken, hasValidApiKey } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import { projectFields, wsError, wsOk } from './web-services-envelope.ts';

/**
 * Object listings in the Web Services 8.5 style (docs/vendors/genesys-engage.md §4): `/api/v2/queues`, `/skills`,
 * `/users` and (mock addition) `/agent-groups`; `fields=*` or a field list returns objects, no
 * `fields` returns URIs; query parameters named like a field filter the list. Pagination: none.
 */
export interface ListingsContext {
  readonly apiKey: string;
  readonly tokens: TokenVerifier;
  /** Web Services authenticates users with HTTP Basic (§4 there); a bearer token with the API key works too. */
  readonly checkUserPassword: (user: string, password: string) => boolean;
  readonly config: ContactCenterConfig;
  /** Display names put over the config's by the admin API (mock addition); none by default. */
  readonly names?: NameOverrides;
}

type Item = Readonly<Record<string, unknown>> & { readonly id: string };

const RESERVED = new Set(['fields', 'subresources', 'resolveUris', 'resolveUri']);

function authenticate(context: ListingsContext, request: ApiRequest): ApiResponse | undefined {
  const header = request.headers.authorization ?? '';
  const basic = /^basic\s+(\S+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && context.checkUserPassword(decoded.slice(0, colon), decoded.slice(colon + 1))) return undefined;
    return wsError(401, 3, 'Invalid user name or password');
  }
  if (!hasValidApiKey(request, context.apiKey)) return { status: 403, json: { message: 'Forbidden' } };
  const check = context.tokens.verifyAccessToken(bearerToken(request.headers));
  return check.ok ? undefined : wsError(401, 3, `Authentication required (${check.reason} token)`);
}

function listRoute(
  context: ListingsContext,
  resource: string,
  singular: string,
  items: (withSubresources: boolean) => readonly Item[],
): Route[] {
  const path = `/api/v2/${resource}`;
  return [
    {
      method: 'GET',
      path,
      handler(request) {
        const refused = authenticate(context, request);
        if (refused) return refused;
        const all = items(request.query.get('subresources') !== null);
        const fields = request.query.get('fields');
        if (fields === null) return wsOk({ uris: all.map((i) => `${request.origin}${path}/${encodeURIComponent(i.id)}`) });
        const filters = [...request.query.entries()].filter(([k]) => !RESERVED.has(k));
        const matching = all.filter((item) => filters.every(([k, v]) => String(item[k] ?? '') === v));
        return wsOk({ [resource.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())]: matching.map((i) => projectFields(i, fields)) });
      },
    },
    {
      method: 'GET',
      path: `${path}/:id`,
      handler(request) {
        const refused = authenticate(context, request);
        if (refused) return refused;
        const item = items(request.query.get('subresources') !== null).find((i) => i.id === request.params.id);
        if (!item) return wsError(404, 6, `${singular} "${request.params.id ?? ''}" not found`);
        return wsOk({ [singular]: projectFields(item, request.query.get('fields') ?? '*') });
      },
    },
  ];
}

export function listingsRoutes(context: ListingsContext): Route[] {
  const { config, names } = context;
  const skillsById = new Map(config.skills.map((s) => [s.id, s]));
  // Names are read on every request, so an admin override shows in the next listing.
  const skillName = (id: string): string => names?.get('skill', id) ?? skillsById.get(id)?.name ?? id;
  const queues = (): Item[] =>
    config.queues.map((q) => {
      const name = names?.get('queue', q.id) ?? q.name;
      return {
        id: q.id,
        name,
        description: `${name} calls, answered by agents with the ${skillName(q.skillId)} skill`,
        channel: q.channel,
        internal: false,
        skillId: q.skillId,
      };
    });
  const skills = (): Item[] => config.skills.map((s) => ({ id: s.id, name: skillName(s.id), description: s.description, level: '0' }));
  const groups = (): Item[] => [
    ...config.skills.map((s) => ({ id: s.id, name: `${skillName(s.id)} agents`, type: 'skill' })),
    ...config.groups.map((g) => ({ id: g.id, name: g.name, type: 'team' })),
  ];
  const users = (withSubresources: boolean): Item[] =>
    config.agents.map((a) => ({
      id: a.id,
      userName: a.userName,
      firstName: names?.get('agent', a.id) ?? a.firstName,
      lastName: a.lastName,
      roles: ['ROLE_AGENT'],
      doNotDisturb: false,
      changePasswordOnFirstLogin: false,
      agentGroups: a.groupIds,
      ...(withSubresources ? { skills: a.skillIds.map((id) => ({ id, name: skillName(id), level: 1 })), devices: [] } : {}),
    }));
  return [
    ...listRoute(context, 'queues', 'queue', queues),
    ...listRoute(context, 'skills', 'skill', skills),
    ...listRoute(context, 'users', 'user', users),
    ...listRoute(context, 'agent-groups', 'agentGroup', groups),
  ];
}
