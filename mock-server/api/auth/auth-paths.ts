/** Every path of the Authentication API v3 (docs/vendors/genesys-engage.md §1), in one place for routes and tests. */
export const AUTH_PREFIX = '/auth/v3';
export const AUTHORIZE_PATH = `${AUTH_PREFIX}/oauth/authorize`;
export const TOKEN_PATH = `${AUTH_PREFIX}/oauth/token`;
export const USERINFO_PATH = `${AUTH_PREFIX}/userinfo`;
export const OPENID_USERINFO_PATH = `${AUTH_PREFIX}/openid/userinfo`;
export const JWT_USERINFO_PATH = `${AUTH_PREFIX}/jwt-userinfo`;
export const PING_PATH = `${AUTH_PREFIX}/ping`;
export const SIGN_OUT_PATH = `${AUTH_PREFIX}/sign-out`;
