/**
 * A fresh UUID for each create's `operationId` (= the subscriptionId, docs/vendors/genesys-engage.md §2.3). `crypto.randomUUID`
 * exists only in secure contexts; a kiosk TV that opens the board over plain http on the LAN is not
 * one, so fall back to a v4 UUID from `getRandomValues`, which every context has.
 */
export function newOperationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
