import { staticFileUrl } from '../lib/static-file-url.ts';

/**
 * Before a kiosk reloads itself: does the server serve the app right now? Reloading while it does
 * not would swap a stale board for the browser's error page, which never comes back by itself.
 */
export async function appServerAnswers(fetchFn: typeof fetch = fetch, timeoutMs = 5000): Promise<boolean> {
  try {
    const response = await fetchFn(staticFileUrl('config.json'), { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}
