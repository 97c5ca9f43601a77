import { createHash } from 'node:crypto';

/**
 * Object ids as each vendor facade shows them (docs/mock-server.md "Vendor ids"). Real platforms
 * name the same queue differently: Genesys Cloud by a UUID, 8x8 by a number. The mock derives them
 * from the simulation's own id and the seed, so they are stable across restarts with one seed and
 * differ between seeds, as two tenants' ids would.
 */
export type ObjectKind = 'queue' | 'agent' | 'skill' | 'group' | 'conversation' | 'user';

/** A name-based UUID (RFC 9562 version 5 layout over SHA-1) for one object of one seed. */
export function genesysCloudId(seed: number, kind: ObjectKind, simId: string): string {
  const bytes = createHash('sha1').update(`genesys-cloud|${seed}|${kind}|${simId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface VendorIdMap {
  /** The vendor's id for a simulation object. */
  toVendor(kind: ObjectKind, simId: string): string;
  /** The simulation's id for a vendor id, or undefined when the vendor has no such object. */
  toSim(kind: ObjectKind, vendorId: string): string | undefined;
}

/** Both directions for the objects that exist, computed once. */
export function createGenesysCloudIds(seed: number, objects: Readonly<Partial<Record<ObjectKind, readonly string[]>>>): VendorIdMap {
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  for (const kind of Object.keys(objects) as ObjectKind[]) {
    for (const simId of objects[kind] ?? []) {
      const id = genesysCloudId(seed, kind, simId);
      forward.set(`${kind}|${simId}`, id);
      backward.set(`${kind}|${id}`, simId);
    }
  }
  return {
    toVendor: (kind, simId) => forward.get(`${kind}|${simId}`) ?? genesysCloudId(seed, kind, simId),
    toSim: (kind, vendorId) => backward.get(`${kind}|${vendorId.toLowerCase()}`),
  };
}
