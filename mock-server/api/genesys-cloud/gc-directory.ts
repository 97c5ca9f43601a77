import type { NameOverrides } from '../../admin/name-overrides.ts';
import type { AgentConfig, QueueConfig, SkillConfig } from '../../sim/sim-types.ts';
import { demoUsers, type DemoUser } from '../auth/demo-identities.ts';
import { queueMemberIds, toIso, userPresence, userRoutingStatus, type GcFloor } from './gc-floor.ts';

/**
 * The organization's objects as the platform's entities (`Queue`, `User`, `RoutingSkill`,
 * `QueueMember` of its SDK), named from the simulation's configuration and the admin's name
 * overrides. Every queue shows the service-level target the aggregates measure against.
 */
export const SERVICE_LEVEL = { percentage: 0.8, durationMs: 20_000 } as const;
/** When the demo organization's objects were "created": a fixed date keeps answers stable. */
const CREATED = '2024-01-15T09:00:00.000Z';
const API = '/api/v2';

export type Entity = Readonly<Record<string, unknown>>;

export interface DirectoryContext {
  readonly floor: GcFloor;
  readonly names?: NameOverrides;
  /** Since when users who take no calls have been off queue: the start of the simulated day. */
  readonly dayStart: number;
}

function division(floor: GcFloor): Entity {
  const id = floor.ids.toVendor('group', 'home-division');
  return { id, name: 'Home', selfUri: `${API}/authorization/divisions/${id}` };
}

const skillName = (c: DirectoryContext, skill: SkillConfig): string => c.names?.get('skill', skill.id) ?? skill.name;

export function queueEntity(c: DirectoryContext, queue: QueueConfig): Entity {
  const { floor } = c;
  const id = floor.ids.toVendor('queue', queue.id);
  const members = queueMemberIds(floor, queue.id).length;
  const skill = floor.config.skills.find((s) => s.id === queue.skillId);
  const name = c.names?.get('queue', queue.id) ?? queue.name;
  return {
    id,
    name,
    division: division(floor),
    description: `${name} calls, answered by agents with the ${skill ? skillName(c, skill) : queue.skillId} skill`,
    dateCreated: CREATED,
    dateModified: CREATED,
    memberCount: members,
    userMemberCount: members,
    joinedMemberCount: members,
    mediaSettings: { call: { alertingTimeoutSeconds: 8, serviceLevel: SERVICE_LEVEL, enableAutoAnswer: false } },
    acwSettings: { wrapupPrompt: 'OPTIONAL' },
    skillEvaluationMethod: 'ALL',
    autoAnswerOnly: false,
    enableTranscription: false,
    enableManualAssignment: false,
    selfUri: `${API}/routing/queues/${id}`,
  };
}

export function skillEntity(c: DirectoryContext, skill: SkillConfig): Entity {
  const id = c.floor.ids.toVendor('skill', skill.id);
  return { id, name: skillName(c, skill), dateModified: CREATED, state: 'active', version: '1', selfUri: `${API}/routing/skills/${id}` };
}

export const agentName = (c: DirectoryContext, agent: AgentConfig): string => `${c.names?.get('agent', agent.id) ?? agent.firstName} ${agent.lastName}`;

export type UserExpansion = 'skills' | 'routingStatus' | 'presence';

/** A user as `/api/v2/users` lists it; `expand` adds routing skills, routing status and presence. */
export function agentEntity(c: DirectoryContext, agent: AgentConfig, expand: ReadonlySet<string> = new Set()): Entity {
  const { floor } = c;
  const id = floor.ids.toVendor('agent', agent.id);
  const status = expand.has('routingStatus') ? userRoutingStatus(floor, agent.id) : undefined;
  const presence = expand.has('presence') ? userPresence(floor, agent.id) : undefined;
  return {
    id,
    name: agentName(c, agent),
    division: division(floor),
    email: agent.userName,
    state: 'active',
    username: agent.userName,
    version: 1,
    acdAutoAnswer: false,
    ...(expand.has('skills')
      ? {
          skills: floor.config.skills
            .filter((s) => agent.skillIds.includes(s.id))
            .map((s) => {
              const skillId = floor.ids.toVendor('skill', s.id);
              return { id: skillId, name: skillName(c, s), proficiency: 3, state: 'active', skillUri: `${API}/routing/skills/${skillId}`, selfUri: `${API}/users/${id}/routingskills/${skillId}` };
            }),
        }
      : {}),
    ...(status ? { routingStatus: status } : {}),
    ...(presence
      ? { presence: { source: 'PURECLOUD', primary: true, presenceDefinition: { systemPresence: presence.systemPresence }, modifiedDate: presence.since } }
      : {}),
    selfUri: `${API}/users/${id}`,
  };
}

/** Users who take no calls have been off queue since the simulated day began. */
export function offQueueSinceDayStart(c: DirectoryContext, userId: string): { userId: string; status: 'OFF_QUEUE'; startTime: string } {
  return { userId, status: 'OFF_QUEUE', startTime: toIso(c.dayStart) };
}

/** The demo identities that sign in (supervisor, kiosk): users of the organization who take no calls. */
export function demoUserEntity(c: DirectoryContext, user: DemoUser, expand: ReadonlySet<string> = new Set()): Entity {
  const { floor } = c;
  const id = floor.ids.toVendor('user', user.username);
  const since = toIso(c.dayStart);
  return {
    id,
    name: `${user.givenName} ${user.familyName}`,
    division: division(floor),
    email: user.email,
    state: 'active',
    username: user.email,
    version: 1,
    acdAutoAnswer: false,
    ...(expand.has('skills') ? { skills: [] } : {}),
    ...(expand.has('routingStatus') ? { routingStatus: offQueueSinceDayStart(c, id) } : {}),
    ...(expand.has('presence') ? { presence: { source: 'PURECLOUD', primary: true, presenceDefinition: { systemPresence: 'AVAILABLE' }, modifiedDate: since } } : {}),
    selfUri: `${API}/users/${id}`,
  };
}

export function findDemoUser(c: DirectoryContext, userId: string): DemoUser | undefined {
  return demoUsers().find((u) => c.floor.ids.toVendor('user', u.username) === userId.toLowerCase());
}
