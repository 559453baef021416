import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedSecureFromInsecure } from './rejected-secure-from-insecure.js';

describe('rejected-secure-from-insecure', () => {
  it('fires for a Secure cookie set over plain http on a public host', () => {
    expect(explain(rejectedSecureFromInsecure, 'sid=1; Secure', { url: 'http://sessions.test/' })).toMatch(/rejects/);
  });
  it('does not fire over https', () => {
    expect(explain(rejectedSecureFromInsecure, 'sid=1; Secure', { url: 'https://sessions.test/' })).toBeNull();
  });
  it('does not fire on http://localhost, a secure context', () => {
    expect(explain(rejectedSecureFromInsecure, 'sid=1; Secure', { url: 'http://localhost:3000/' })).toBeNull();
  });
  it('does not fire without Secure', () => {
    expect(explain(rejectedSecureFromInsecure, 'sid=1', { url: 'http://sessions.test/' })).toBeNull();
  });
});
