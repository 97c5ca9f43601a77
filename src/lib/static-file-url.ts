/**
 * Shipped boards are static files of the app, served next to it (no API base, no token): resolved
 * against the page so a deployment under a sub-path finds them too.
 */
export function staticFileUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).toString();
}
