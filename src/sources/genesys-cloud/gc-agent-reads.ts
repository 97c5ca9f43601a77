import { z } from 'zod';
import { sameId } from './gc-frames.ts';
import type { GcFailure, GcHttp } from './gc-http.ts';
import { readListing } from './gc-listing.ts';
import { namedEntitySchema, routingStatusSchema, userSchema, type UserEntity } from './gc-rest-schemas.ts';
import { chunks } from './gc-observations-query.ts';

type Failed = { readonly ok: false } & GcFailure;

export interface UserRead {
  /** The id as the platform spells it. */
  readonly id: string;
  readonly routing?: { readonly status: string; readonly startTime?: string };
  readonly presence?: string;
}

/**
 * Who has each skill: every skill (so an unknown one can be told apart from one nobody has) and
 * every user with `expand=skills`. Keyed by lower-case skill id; users as the platform spells them.
 */
export async function readMembership(
  http: GcHttp,
): Promise<{ readonly ok: true; readonly skills: ReadonlySet<string>; readonly members: ReadonlyMap<string, readonly string[]>; readonly bad: number } | Failed> {
  const skills = await readListing(http, '/api/v2/routing/skills', namedEntitySchema);
  if (!skills.ok) return skills;
  const users = await readListing(http, '/api/v2/users?expand=skills', userSchema);
  if (!users.ok) return users;
  const members = new Map<string, string[]>();
  for (const user of users.items) {
    for (const skill of user.skills ?? []) {
      if (skill.state !== undefined && skill.state !== 'active') continue;
      const list = members.get(sameId(skill.id)) ?? [];
      list.push(user.id);
      members.set(sameId(skill.id), list);
    }
  }
  return { ok: true, skills: new Set(skills.items.map((s) => sameId(s.id))), members, bad: skills.bad + users.bad };
}

const toRead = (user: UserEntity): UserRead => ({
  id: user.id,
  ...(user.routingStatus ? { routing: user.routingStatus } : {}),
  ...(user.presence ? { presence: user.presence.presenceDefinition.systemPresence } : {}),
});

/**
 * Routing status and presence of some users: `GET /api/v2/users?id=…&expand=routingStatus,presence`,
 * a hundred at a time. "Expand parameters are resolved with a best effort approach": a user may come
 * back without them; `routingStatusOf` reads one user's status directly.
 */
export async function readUsers(http: GcHttp, userIds: readonly string[]): Promise<{ readonly ok: true; readonly users: readonly UserRead[]; readonly bad: number } | Failed> {
  const users: UserRead[] = [];
  let bad = 0;
  for (const ids of chunks(userIds, 100)) {
    const query = new URLSearchParams(ids.map((id) => ['id', id]));
    query.set('expand', 'routingStatus,presence');
    const page = await readListing(http, `/api/v2/users?${query.toString()}`, userSchema);
    if (!page.ok) return page;
    const wanted = new Set(ids.map(sameId));
    users.push(...page.items.filter((u) => wanted.has(sameId(u.id))).map(toRead));
    bad += page.bad;
  }
  return { ok: true, users, bad };
}

const routingStatusAnswer = routingStatusSchema.extend({ userId: z.string().optional() });

/** `GET /api/v2/users/{id}/routingstatus`. */
export async function routingStatusOf(http: GcHttp, userId: string): Promise<{ readonly ok: true; readonly status: string; readonly startTime?: string } | Failed> {
  const answer = await http.request('GET', `/api/v2/users/${encodeURIComponent(userId)}/routingstatus`, { schema: routingStatusAnswer });
  return answer.ok ? { ok: true, status: answer.value.status, ...(answer.value.startTime ? { startTime: answer.value.startTime } : {}) } : answer;
}
