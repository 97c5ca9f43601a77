import { describe, expect, it } from 'vitest';
import { createFakeFetch, jsonResponse } from './test-support/fake-fetch.ts';
import { fetchUserInfo, parseGenesysCloudMe, parseUserInfo, userInfoQueryOptions } from './userinfo.ts';

const cloudUserDetails = {
  username: 'supervisor',
  loginName: 'supervisor',
  cmeUserName: 'supervisor',
  dbid: 1001,
  contactCenterId: 'cc-demo',
  environmentId: 'env-demo',
  authorities: [{ name: 'ROLE_SUPERVISOR' }, { name: 'ROLE_AGENT' }],
};

describe('userinfo', () => {
  it('should read the CloudUserDetails shape', () => {
    expect(parseUserInfo(cloudUserDetails)).toEqual({
      displayName: 'supervisor',
      dbid: 1001,
      contactCenterId: 'cc-demo',
      authorities: ['ROLE_SUPERVISOR', 'ROLE_AGENT'],
    });
  });

  it('should accept authorities as the single object the vendor model declares', () => {
    expect(parseUserInfo({ ...cloudUserDetails, authorities: { name: 'ROLE_SUPERVISOR' } }).authorities).toEqual(['ROLE_SUPERVISOR']);
  });

  it('should tolerate missing and wrong-typed optional fields', () => {
    expect(parseUserInfo({ loginName: 'kiosk', dbid: 'x', authorities: 'nope' })).toEqual({
      displayName: 'kiosk',
      dbid: undefined,
      contactCenterId: undefined,
      authorities: [],
    });
  });

  it('should refuse a body without any user name', () => {
    expect(() => parseUserInfo({ dbid: 1 })).toThrow(/no user name/);
    expect(() => parseUserInfo('<html>')).toThrow();
  });

  it('should fetch /auth/v3/userinfo through the authorized fetch', async () => {
    const server = createFakeFetch(() => jsonResponse(cloudUserDetails));
    const info = await fetchUserInfo((path, init) => server.fetch(`http://api.test${path}`, init));
    expect(info.displayName).toBe('supervisor');
    expect(server.to('/auth/v3/userinfo')).toHaveLength(1);
  });

  it("should ask Genesys Cloud's users/me who is signed in, and read its name", async () => {
    const server = createFakeFetch(() => jsonResponse({ id: 'u-1', name: 'Sam Supervisor', username: 'supervisor', email: 'supervisor@demo' }));
    const info = await fetchUserInfo((path, init) => server.fetch(`http://api.test/genesys-cloud${path}`, init), 'genesys-cloud');
    expect(info).toEqual({ displayName: 'Sam Supervisor', dbid: undefined, contactCenterId: undefined, authorities: [] });
    expect(server.to('/genesys-cloud/api/v2/users/me')).toHaveLength(1);
    expect(() => parseGenesysCloudMe({ id: 'u-1' })).toThrow(/no name/);
  });

  it('should fail on an HTTP error', async () => {
    const server = createFakeFetch(() => jsonResponse({ status: { code: 503 } }, 503));
    await expect(fetchUserInfo((path) => server.fetch(`http://api.test${path}`))).rejects.toThrow(/503/);
  });

  it('should key the query by sign-in session so users never share a cached name', () => {
    const noFetch = (): Promise<Response> => Promise.reject(new Error('unused'));
    expect(userInfoQueryOptions(noFetch, 1).queryKey).toEqual(['auth', 'userinfo', 1]);
    expect(userInfoQueryOptions(noFetch, 2).queryKey).not.toEqual(userInfoQueryOptions(noFetch, 1).queryKey);
  });
});
