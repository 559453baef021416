import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivedListText, deriveNeverSessionList, OUTPUT, SNAPSHOT_DIR } from '../../scripts/make-never-session-list.js';
import { isCsrfName, neverSessionCookie } from './never-session.js';

describe('the never-session list (rubric 2.1, v3)', () => {
  it('is exactly what scripts/make-never-session-list.ts makes of the Open Cookie Database snapshot', () => {
    const csv = `${SNAPSHOT_DIR}open-cookie-database.csv`;
    // The snapshot lies beside the repository (shared/), as it does for CI: say so when it does not.
    expect(existsSync(csv), `${csv} is missing: the test needs the shared/ folder beside the repository`).toBe(true);
    const derived = deriveNeverSessionList(readFileSync(csv, 'utf8'), readFileSync(`${SNAPSHOT_DIR}README.md`, 'utf8'));
    expect(readFileSync(OUTPUT, 'utf8')).toBe(derivedListText(derived));
    expect(derived.snapshot).toMatch(/^commit [0-9a-f]{40} of \d{4}-\d{2}-\d{2}$/);
    expect(readFileSync(OUTPUT.replace(/\.json$/, '.LICENSE'), 'utf8')).toBe(readFileSync(`${SNAPSHOT_DIR}LICENSE`, 'utf8'));
  });

  it("matches the database's exact names and its wildcard names as prefixes, in any case", () => {
    expect(neverSessionCookie('taboola_session_id')).toEqual({ description: 'Taboola advertising cookie', source: 'open-cookie-database' });
    expect(neverSessionCookie('TABOOLA_SESSION_ID')?.description).toBe('Taboola advertising cookie');
    expect(neverSessionCookie('_pk_ses.7.abcd')?.description).toBe('Matomo analytics cookie');
    expect(neverSessionCookie('ab.storage.sessionId.4f2a')?.description).toBe('Braze analytics cookie');
    expect(neverSessionCookie('taboola_session_id_x')).toBeNull();
  });

  it("keeps the rubric's own entries, with `*` as any suffix", () => {
    expect(neverSessionCookie('ai_session')).toEqual({ description: 'Azure Application Insights analytics cookie', source: 'rubric' });
    expect(neverSessionCookie('_hjSessionUser_123')).toEqual({ description: 'Hotjar analytics cookie', source: 'rubric' });
    expect(neverSessionCookie('_gat_UA-1')?.source).toBe('rubric');
    expect(neverSessionCookie('connect.sid')).toBeNull();
    expect(neverSessionCookie('PHPSESSID')).toBeNull();
  });

  it('knows a CSRF name by csrf or xsrf anywhere in it', () => {
    expect(['x-csrf-jwt', 'XSRF-TOKEN', '_csrf_token', 'anti_xsrf'].every(isCsrfName)).toBe(true);
    expect(isCsrfName('session')).toBe(false);
  });
});
