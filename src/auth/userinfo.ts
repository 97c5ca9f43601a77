import {
  queryOptions,
  useQuery,
  type QueryKeyWithDataTag,
  type UnusedSkipTokenOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { z } from 'zod';
import type { AuthorizedFetch } from './auth-http-client.ts';
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

export async function fetchUserInfo(authorizedFetch: AuthorizedFetch): Promise<UserInfo> {
  const response = await authorizedFetch(USERINFO_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`userinfo failed with HTTP ${response.status}`);
  return parseUserInfo(await response.json());
}

export type UserInfoQueryKey = readonly ['auth', 'userinfo', number];

export type UserInfoQueryOptions = UnusedSkipTokenOptions<UserInfo, Error, UserInfo, UserInfoQueryKey> &
  QueryKeyWithDataTag<UserInfoQueryKey, UserInfo, Error>;

/** Keyed by sign-in session, so the next user never sees the previous one's name from cache. */
export function userInfoQueryOptions(authorizedFetch: AuthorizedFetch, sessionId: number): UserInfoQueryOptions {
  return queryOptions({
    queryKey: ['auth', 'userinfo', sessionId] as const,
    queryFn: () => fetchUserInfo(authorizedFetch),
    // It does not change within a session; a wallboard runs for weeks, so no refetch on focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The signed-in user's info; idle while signed out. */
export function useUserInfo(): UseQueryResult<UserInfo> {
  const { authorizedFetch, sessionId, status } = useAuth();
  return useQuery({ ...userInfoQueryOptions(authorizedFetch, sessionId), enabled: status === 'signed-in' });
}
