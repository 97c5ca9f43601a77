import { describe, expect, it } from 'vitest';
import { planStart, type ProviderAtStart } from './sign-in-plan.ts';

const source = (sourceId: string, state: Partial<ProviderAtStart> = {}): ProviderAtStart => ({
  sourceId,
  remembered: false,
  kept: false,
  answered: undefined,
  abandonedSilent: false,
  ...state,
});

describe('planStart: a sign-in that continues on its own', () => {
  it('should send nobody anywhere when nothing is remembered', () => {
    expect(planStart([source('engage'), source('cloud')])).toEqual({ silentNext: undefined, exchange: [], resume: [], forget: [] });
  });

  it('should send the first remembered source with prompt=none and hold everything else for the page after', () => {
    const plan = planStart([source('engage', { answered: 'code' }), source('cloud', { remembered: true }), source('third', { remembered: true }), source('tv', { kept: true })]);
    expect(plan).toEqual({ silentNext: 'cloud', exchange: [], resume: [], forget: [] });
  });

  it('should exchange every code and use kept tokens once no source is left to send', () => {
    const plan = planStart([source('engage', { answered: 'code', remembered: true }), source('cloud', { answered: 'code' }), source('tv', { kept: true, remembered: true })]);
    expect(plan).toEqual({ silentNext: undefined, exchange: ['engage', 'cloud'], resume: ['tv'], forget: [] });
  });

  it('should forget a source its provider refused (login_required, any error) and not send it again', () => {
    const plan = planStart([source('engage', { remembered: true, answered: 'error' }), source('cloud')]);
    expect(plan).toEqual({ silentNext: undefined, exchange: [], resume: [], forget: ['engage'] });
  });

  it('should forget a source whose silent sign-in never came back, instead of trying again', () => {
    const plan = planStart([source('engage', { remembered: true, abandonedSilent: true })]);
    expect(plan).toEqual({ silentNext: undefined, exchange: [], resume: [], forget: ['engage'] });
  });

  it('should send nobody once an implicit-grant token arrived: it cannot wait for the chain', () => {
    const plan = planStart([source('legacy', { answered: 'token' }), source('cloud', { remembered: true })]);
    expect(plan.silentNext).toBeUndefined();
  });

  it('should let a kiosk page use its kept token rather than a silent sign-in', () => {
    expect(planStart([source('tv', { kept: true, remembered: true })])).toEqual({ silentNext: undefined, exchange: [], resume: ['tv'], forget: [] });
  });
});
