/** Authentication API v3 paths (API-CONTRACT §1), relative to the API base URL. */
export const AUTHORIZE_PATH = '/auth/v3/oauth/authorize';
export const TOKEN_PATH = '/auth/v3/oauth/token';
export const USERINFO_PATH = '/auth/v3/userinfo';
export const SIGN_OUT_PATH = '/auth/v3/sign-out';
