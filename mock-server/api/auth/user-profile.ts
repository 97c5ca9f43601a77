import type { Principal } from './auth-types.ts';
import { DEMO_CONTACT_CENTER_ID, DEMO_ENVIRONMENT_ID, findUser } from './demo-identities.ts';

interface Authority {
  readonly name: string;
}

/** `GET /auth/v3/userinfo` — the vendor library's `CloudUserDetails`, unwrapped (docs/vendors/genesys-engage.md §1.5). */
export interface CloudUserDetails {
  readonly username: string;
  readonly loginName: string;
  readonly cmeUserName: string;
  readonly dbid: number;
  readonly contactCenterId: string;
  readonly environmentId: string;
  readonly authorities: readonly Authority[];
}

/** `GET /auth/v3/openid/userinfo` — the vendor library's `OpenIdUserInfo`, unwrapped. */
export interface OpenIdUserInfo {
  readonly sub: string;
  readonly user_name: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly email: string;
  readonly dbid: number;
  readonly contact_center_id: string;
  readonly environment_id: string;
  readonly aud: string;
  readonly authorities: readonly Authority[];
}

interface Profile {
  readonly name: string;
  readonly dbid: number;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly authorities: readonly Authority[];
}

/** Client-credentials tokens act for the client itself; tools still get a well-formed profile. */
function profileOf(principal: Principal): Profile {
  const user = principal.kind === 'user' ? findUser(principal.tenant, principal.subject) : undefined;
  if (user) {
    return {
      name: user.username,
      dbid: user.dbid,
      givenName: user.givenName,
      familyName: user.familyName,
      email: user.email,
      authorities: user.authorities.map((name) => ({ name })),
    };
  }
  return {
    name: principal.subject,
    dbid: 0,
    givenName: '',
    familyName: principal.subject,
    email: '',
    authorities: [{ name: 'ROLE_CLIENT' }],
  };
}

export function cloudUserDetails(principal: Principal): CloudUserDetails {
  const profile = profileOf(principal);
  return {
    username: profile.name,
    loginName: profile.name,
    cmeUserName: profile.name,
    dbid: profile.dbid,
    contactCenterId: DEMO_CONTACT_CENTER_ID,
    environmentId: DEMO_ENVIRONMENT_ID,
    authorities: profile.authorities,
  };
}

export function openIdUserInfo(principal: Principal): OpenIdUserInfo {
  const profile = profileOf(principal);
  return {
    sub: profile.name,
    user_name: profile.name,
    given_name: profile.givenName,
    family_name: profile.familyName,
    email: profile.email,
    dbid: profile.dbid,
    contact_center_id: DEMO_CONTACT_CENTER_ID,
    environment_id: DEMO_ENVIRONMENT_ID,
    aud: principal.clientId,
    authorities: profile.authorities,
  };
}
