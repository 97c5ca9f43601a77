/**
 * Genesys Cloud's login root in the mock (`https://login.<region>` on real tenants): the SDK
 * reaches it with `setGateway({ …, path_params_login: 'genesys-cloud/login' })`.
 */
export const GC_LOGIN_PREFIX = '/genesys-cloud/login';
export const GC_AUTHORIZE_PATH = `${GC_LOGIN_PREFIX}/oauth/authorize`;
export const GC_TOKEN_PATH = `${GC_LOGIN_PREFIX}/oauth/token`;
/** What the SDK's `logout()` opens: ends the browser's sign-in session at the login root. */
export const GC_LOGOUT_PATH = `${GC_LOGIN_PREFIX}/logout`;
