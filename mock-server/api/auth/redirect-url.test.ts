import { describe, expect, it } from 'vitest';
import { withFragment, withQuery } from './redirect-url.ts';

describe('redirect-url', () => {
  it('should start a query with ? and leave out undefined values', () => {
    expect(withQuery('http://a/cb', { code: 'c1', state: undefined })).toBe('http://a/cb?code=c1');
  });

  it('should append to an existing query with &', () => {
    expect(withQuery('http://a/cb?x=1', { code: 'c' })).toBe('http://a/cb?x=1&code=c');
    expect(withQuery('http://a/cb?', { code: 'c' })).toBe('http://a/cb?code=c');
  });

  it('should encode values so that decoding returns them unchanged', () => {
    const state = 'a b&c=d/é#?';
    const url = new URL(withQuery('http://a/cb', { state }));
    expect(url.searchParams.get('state')).toBe(state);
  });

  it('should put implicit-grant values in the fragment, scope * unencoded', () => {
    expect(withFragment('http://a/cb#old', { access_token: 't', scope: '*' })).toBe('http://a/cb#access_token=t&scope=*');
  });
});
