import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { hstsMissing } from './hsts-missing.js';

describe('hsts-missing', () => {
  it('fires on https without Strict-Transport-Security', () => {
    expect(explain(hstsMissing, 'sid=1')).toMatch(/no Strict-Transport-Security/);
  });
  it('fires when max-age is under a year', () => {
    expect(explain(hstsMissing, 'sid=1', { headers: { 'Strict-Transport-Security': 'max-age=86400' } })).toMatch(/under one year/);
  });
  it('does not fire with max-age of a year or more', () => {
    expect(explain(hstsMissing, 'sid=1', { headers: { 'Strict-Transport-Security': 'max-age="31536000"; includeSubDomains' } })).toBeNull();
  });
  it('does not fire on http', () => {
    expect(explain(hstsMissing, 'sid=1', { url: 'http://localhost:3000/' })).toBeNull();
  });
  it('does not fire on IP addresses or localhost, where HSTS does not apply', () => {
    for (const url of ['https://127.0.0.1:3443/', 'https://[::1]/', 'https://localhost/', 'https://app.localhost/', 'https://10.1.2.3/']) {
      expect(explain(hstsMissing, 'sid=1', { url })).toBeNull();
    }
  });
});
