import { describe, expect, it } from 'vitest';
import { combinedFix, FRAMEWORKS_WITH_COMBINED_FIX } from './combined-fix.js';

const EVERYTHING = [
  'secure-missing',
  'httponly-missing',
  'prefix-none',
  'lifetime-week',
  'cache-control-missing',
  'hsts-missing',
  'value-carries-data',
  'no-rotation-on-login',
  'logout-not-cleared',
];

describe('the combined fix', () => {
  it('is the express-session block for a cookie of no framework, or of one without a block of its own', () => {
    expect(combinedFix('unknown', ['secure-missing'], 'sid')).toMatchObject({ framework: 'express-session', title: 'Your express-session options, fixed' });
    expect(combinedFix('asp.net-core', ['secure-missing'], '.AspNetCore.Session').framework).toBe('express-session');
  });

  it.each(FRAMEWORKS_WITH_COMBINED_FIX.map((framework) => [framework]))(
    '%s: its own block, which never writes a weak value and mentions every asked-for extra',
    (framework) => {
      const fix = combinedFix(framework, EVERYTHING, 'name');
      expect(fix.framework).toBe(framework);
      expect(fix.title).toMatch(/^Your .+, fixed$/);
      expect(fix.code).not.toMatch(/secure\W*(=|:|=>)\s*(false|0)\b|http_?only\W*(=|:|=>)\s*(false|0)\b/i);
      expect(fix.code).toMatch(/__Host-/);
      expect(fix.code).toMatch(/strict/i);
      // Every one names the login and logout steps; and no block repeats a line.
      expect(fix.code).toMatch(/login/i);
      expect(fix.code).toMatch(/logout/i);
      const lines = fix.code.split('\n').filter((line) => line.trim().length > 3);
      expect(new Set(lines).size).toBe(lines.length);
    },
  );

  it('keeps the extras out when no finding asks for them', () => {
    for (const framework of FRAMEWORKS_WITH_COMBINED_FIX) {
      const code = combinedFix(framework, ['httponly-missing'], '__Host-app').code;
      expect(code, framework).not.toMatch(/Strict-Transport-Security|no-store|no_store|nocache|never_cache|At login|At logout/);
      expect(code, framework).toContain('__Host-app');
    }
  });
});
