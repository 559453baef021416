import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { cacheControlMissing } from './cache-control-missing.js';

describe('cache-control-missing', () => {
  it('fires without Cache-Control', () => {
    expect(explain(cacheControlMissing, 'sid=1')).toMatch(/no-store/);
  });
  it('fires for private alone or no-cache alone', () => {
    expect(explain(cacheControlMissing, 'sid=1', { headers: { 'Cache-Control': 'private' } })).not.toBeNull();
    expect(explain(cacheControlMissing, 'sid=1', { headers: { 'Cache-Control': 'no-cache' } })).not.toBeNull();
  });
  it('does not fire for no-store, in any case', () => {
    expect(explain(cacheControlMissing, 'sid=1', { headers: { 'cache-control': 'max-age=0, No-Store' } })).toBeNull();
  });
  it('does not fire for private and no-cache together', () => {
    expect(explain(cacheControlMissing, 'sid=1', { headers: { 'Cache-Control': 'private, no-cache' } })).toBeNull();
  });
});
