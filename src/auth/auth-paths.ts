/** Authentication API v3 paths (docs/vendors/genesys-engage.md §1), relative to the API base URL; the OAuth ones are the identity provider's (identity-provider.ts). */
export const USERINFO_PATH = '/auth/v3/userinfo';
