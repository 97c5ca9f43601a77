/** The build's version (package.json, put in by vite.config.ts); `dev` where no build defined it. */
export const APP_VERSION: string = typeof import.meta.env.VITE_APP_VERSION === 'string' ? import.meta.env.VITE_APP_VERSION : 'dev';
