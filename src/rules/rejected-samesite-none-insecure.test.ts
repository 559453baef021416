import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedSameSiteNoneInsecure } from './rejected-samesite-none-insecure.js';

describe('rejected-samesite-none-insecure', () => {
  it('fires for SameSite=None without Secure', () => {
    expect(explain(rejectedSameSiteNoneInsecure, 'sid=1; SameSite=none')).toMatch(/rejects/);
  });
  it('does not fire for SameSite=None with Secure', () => {
    expect(explain(rejectedSameSiteNoneInsecure, 'sid=1; SameSite=None; Secure')).toBeNull();
  });
  it('caps at F', () => {
    expect(rejectedSameSiteNoneInsecure.cap).toBe('F');
  });
});
