import { describe, expect, it } from 'vitest';
import { createGenesysCloudIds, genesysCloudId } from './vendor-ids.ts';

describe('genesysCloudId', () => {
  it('should give a version-5 UUID that is stable for a seed and differs between seeds', () => {
    const id = genesysCloudId(42, 'queue', 'sales');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(genesysCloudId(42, 'queue', 'sales')).toBe(id);
    expect(genesysCloudId(43, 'queue', 'sales')).not.toBe(id);
    expect(genesysCloudId(42, 'skill', 'sales')).not.toBe(id);
  });

  it('should map both ways and know only the objects that exist', () => {
    const ids = createGenesysCloudIds(7, { queue: ['sales', 'vip'], agent: ['a1'], skill: [], group: [] });
    const vip = ids.toVendor('queue', 'vip');
    expect(ids.toSim('queue', vip)).toBe('vip');
    expect(ids.toSim('queue', vip.toUpperCase())).toBe('vip');
    expect(ids.toSim('agent', vip)).toBeUndefined();
    expect(ids.toSim('queue', '00000000-0000-5000-8000-000000000000')).toBeUndefined();
  });
});
