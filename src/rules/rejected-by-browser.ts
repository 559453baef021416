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
