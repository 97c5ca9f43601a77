import { safeEqual } from './secure-compare.ts';

/** The only tenant of the mock (README "Demo identities (mock)"). */
export const DEMO_TENANT = 'demo';

/** Ids the user-info endpoints report; fixed so tests and screenshots stay stable. */
export const DEMO_CONTACT_CENTER_ID = '0f3d3a86-5e7b-4c1d-9a52-7d1e0c2b9d01';
export const DEMO_ENVIRONMENT_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly tenant: string;
  readonly dbid: number;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  /** Spring-style role names, as the vendor's user-info model carries them. */
  readonly authorities: readonly string[];
}

const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'supervisor',
    password: 'supervisor',
    tenant: DEMO_TENANT,
    dbid: 1001,
    givenName: 'Sam',
    familyName: 'Supervisor',
    email: 'supervisor@demo.example',
    authorities: ['ROLE_SUPERVISOR'],
  },
  {
    // The wall screen's own account: it may read statistics but supervises nobody.
    username: 'kiosk',
    password: 'kiosk',
    tenant: DEMO_TENANT,
    dbid: 1002,
    givenName: 'Wall',
    familyName: 'Kiosk',
    email: 'kiosk@demo.example',
    authorities: ['ROLE_AGENT'],
  },
];

export function demoUsers(): readonly DemoUser[] {
  return DEMO_USERS;
}

export function findUser(tenant: string, username: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.tenant === tenant && user.username === username);
}

/** The user whose tenant, name and password all match; every password is compared in constant time. */
export function findUserByCredentials(tenant: string, username: string, password: string): DemoUser | undefined {
  const user = findUser(tenant, username);
  // Compare even when the user is unknown so the response time does not reveal which names exist.
  const passwordMatches = safeEqual(user?.password ?? '\u0000no-such-user', password);
  return user && passwordMatches ? user : undefined;
}
