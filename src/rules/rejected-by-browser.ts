import { BROWSER_NAMES, BROWSERS } from '../core/reader.js';
import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/**
 * `rejected-by-browser`: Chromium or Firefox drops the line for a reason no other rule names on
 * the draft's reading (a known browser difference, rubric section 1). Grading takes the strictest
 * browser, so one browser's drop is a drop. Sources: the differential tests against both browsers.
 */
export const rejectedByBrowser = defineCookieRule({
  id: 'rejected-by-browser',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'Chromium or Firefox drops the line for a reason no rule above names: a known browser difference (a tab inside the name or value in Chromium, `=value` in Firefox, a Max-Age starting with "-" in Firefox, an Expires year before 1601 in both, a control character).',
    why: 'Grading takes the strictest browser: a cookie one of them drops does not work for those users, and the finding names the browser.',
    sources: 'The differential tests against Chromium and Firefox ESR (test/e2e/differential.e2e.test.ts)',
  },
  snippet: 'cookie: { maxAge: 60 * 60 * 1000 } // express-session writes Max-Age and Expires every browser reads; keep tabs out of names and ids',
  explain: ({ browsers }) => {
    if (browsers === null) return null;
    const departing = BROWSERS.filter((browser) => browsers[browser].departs);
    if (departing.length === 0) return null;
    if (departing.length === BROWSERS.length && browsers.chromium.explanation === browsers.firefox.explanation) {
      return `Chromium and Firefox both drop this line: ${browsers.chromium.explanation ?? ''}`.trim();
    }
    return departing.map((browser) => `${BROWSER_NAMES[browser]} drops this line: ${browsers[browser].explanation ?? ''}`.trim()).join(' ');
  },
  fix: everyFramework(
    'Write the Set-Cookie line the way every browser reads it: a `name=value` pair with no tabs, a numeric `maxAge`, and an `expires` from `Date.prototype.toUTCString()`; express-session writes such lines from its `cookie` options.',
    'Write the line the way every browser reads it: a name=value pair without tabs, Max-Age as plain digits, Expires as an IMF-fixdate (what toUTCString() writes) after 1601.',
  ),
});
