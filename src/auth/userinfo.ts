import {
  queryOptions,
  useQuery,
  type QueryKeyWithDataTag,
  type UnusedSkipTokenOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { z } from 'zod';
import type { AuthorizedFetch } from './auth-http-client.ts';
import type { IdentityProviderKind } from './identity-provider.ts';
import { USERINFO_PATH } from './auth-paths.ts';
import { useAuth } from './use-auth.ts';

/** The signed-in user as the header shows it (from `GET /auth/v3/userinfo`, docs/vendors/genesys-engage.md §1.5). */
export interface UserInfo {
  /** The name to show: `username`, else `loginName`, else `cmeUserName`. */
  readonly displayName: string;
  readonly dbid: number | undefined;
  readonly contactCenterId: string | undefined;
  readonly authorities: readonly string[];
}

const authoritySchema = z.object({ name: z.string() });
const optionalString = z.string().optional().catch(undefined);

/**
 * The vendor model (`CloudUserDetails`), read tolerantly: every field optional, a wrong-typed one
 * dropped rather than failing the header, `authorities` as an array or the single object the
 * model declares. Only a body without any name is refused.
 */
const userInfoSchema = z
  .object({
    username: optionalString,
    loginName: optionalString,
    cmeUserName: optionalString,
    dbid: z.number().optional().catch(undefined),
    contactCenterId: optionalString,
    authorities: z
      .union([z.array(authoritySchema), authoritySchema.transform((one) => [one])])
      .optional()
      .catch(undefined),
  })
  .transform((body, ctx): UserInfo => {
    const displayName = [body.username, body.loginName, body.cmeUserName].find((name) => name !== undefined && name.trim() !== '');
    if (displayName === undefined) {
      ctx.addIssue({ code: 'custom', message: 'userinfo carries no user name' });
      return z.NEVER;
    }
    return {
      displayName,
      dbid: body.dbid,
      contactCenterId: body.contactCenterId,
      authorities: (body.authorities ?? []).map((authority) => authority.name),
    };
  });

export function parseUserInfo(json: unknown): UserInfo {
  const parsed = userInfoSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Unexpected userinfo response: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Genesys Cloud's `GET /api/v2/users/me` (docs/vendors/genesys-cloud.md "Auth"): the signed-in user. */
const GENESYS_CLOUD_ME_PATH = '/api/v2/users/me';

const genesysCloudMeSchema = z
  .object({ name: optionalString, username: optionalString, email: optionalString })
  .transform((body, ctx): UserInfo => {
    const displayName = [body.name, body.username, body.email].find((name) => name !== undefined && name.trim() !== '');
    if (displayName === undefined) {
      ctx.addIssue({ code: 'custom', message: 'users/me carries no name' });
      return z.NEVER;
    }
    return { displayName, dbid: undefined, contactCenterId: undefined, authorities: [] };
  });

export function parseGenesysCloudMe(json: unknown): UserInfo {
  const parsed = genesysCloudMeSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Unexpected users/me response: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Who is signed in, asked of the provider's own API: Auth v3's userinfo, or Genesys Cloud's users/me. */
export async function fetchUserInfo(authorizedFetch: AuthorizedFetch, kind: IdentityProviderKind = 'auth-v3'): Promise<UserInfo> {
  const path = kind === 'genesys-cloud' ? GENESYS_CLOUD_ME_PATH : USERINFO_PATH;
  const response = await authorizedFetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`userinfo failed with HTTP ${response.status}`);
  const json: unknown = await response.json();
  return kind === 'genesys-cloud' ? parseGenesysCloudMe(json) : parseUserInfo(json);
}

export type UserInfoQueryKey = readonly ['auth', 'userinfo', number];

export type UserInfoQueryOptions = UnusedSkipTokenOptions<UserInfo, Error, UserInfo, UserInfoQueryKey> &
  QueryKeyWithDataTag<UserInfoQueryKey, UserInfo, Error>;

/** Keyed by sign-in session, so the next user never sees the previous one's name from cache. */
export function userInfoQueryOptions(authorizedFetch: AuthorizedFetch, sessionId: number, kind: IdentityProviderKind = 'auth-v3'): UserInfoQueryOptions {
  return queryOptions({
    queryKey: ['auth', 'userinfo', sessionId] as const,
    queryFn: () => fetchUserInfo(authorizedFetch, kind),
    // It does not change within a session; a wallboard runs for weeks, so no refetch on focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The signed-in user's info; idle while signed out. */
export function useUserInfo(): UseQueryResult<UserInfo> {
  const { authorizedFetch, sessionId, status, settings } = useAuth();
  return useQuery({ ...userInfoQueryOptions(authorizedFetch, sessionId, settings.kind), enabled: status === 'signed-in' });
}
