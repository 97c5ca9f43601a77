import { KIOSK_PATH } from '../kiosk/kiosk-route.ts';

/** The address a TV opens to show one board full screen (docs/kiosk.md "Addresses": `/kiosk?board=<id>`). */
export function kioskLinkFor(origin: string, boardId: string): string {
  const url = new URL(KIOSK_PATH, origin);
  url.searchParams.set('board', boardId);
  return url.toString();
}
