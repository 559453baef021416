/**
 * The combined fixes as real frameworks run them: each block was pasted into an app of Debian's
 * Django, Flask, Rails, PHP and Tomcat by `scripts/make-combined-fix-cookies.ts` (the harness
 * follows the block's comments too, e.g. Django's @never_cache), which recorded the response that
 * set the session cookie. Laravel is not in Debian: its entries were read by real PHP as the
 * array `config/session.php` returns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../detect/framework.js';
import { findingsOfResponse, type Header } from '../../../test/support/graded-response.js';
import { combinedFix } from './combined-fix.js';

interface RealCase {
  readonly framework: Framework;
  readonly cookieName: string;
  readonly findings: readonly string[];
  readonly code: string;
  readonly producer: string;
  readonly headers?: readonly [string, string][];
  readonly config?: Record<string, unknown>;
}

const { cases } = JSON.parse(readFileSync('test/fixtures/combined-fix/real-frameworks.json', 'utf8')) as { cases: RealCase[] };

describe('the combined fixes in real frameworks', () => {
  it('covers every framework with a configuration block but the Node ones (tested with the real packages)', () => {
    expect(cases.map((fixture) => fixture.framework).sort()).toEqual(['django', 'flask', 'java-servlet', 'laravel', 'php', 'rails']);
  });

  describe.each(cases.map((fixture) => [fixture.framework, fixture] as const))('%s', (_framework, fixture) => {
    it('is still the block that was tested (else run scripts/make-combined-fix-cookies.ts)', () => {
      expect(combinedFix(fixture.framework, fixture.findings, fixture.cookieName).code).toBe(fixture.code);
    });

    if (fixture.headers !== undefined) {
      const headers: Header[] = fixture.headers.map(([name, value]) => ({ name, value }));
      it(`makes ${fixture.producer} send a __Host- cookie with none of the findings it fixes`, () => {
        const line = headers.find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith('__Host-'));
        expect(line, 'a Set-Cookie with a __Host- name').toBeDefined();
        const findings = findingsOfResponse(headers, (line as Header).value.split('=')[0] as string);
        for (const id of fixture.findings) expect(findings).not.toContain(id);
      });
    } else {
      it(`is valid PHP whose entries are Laravel's own settings (${fixture.producer})`, () => {
        expect(fixture.config).toEqual({
          lifetime: 60,
          expire_on_close: false,
          cookie: '__Host-app',
          path: '/',
          domain: null,
          secure: true,
          http_only: true,
          same_site: 'strict',
        });
      });
    }
  });
});
