import { valueForms } from '../../core/value-forms.js';
import { everyFramework } from '../../rules/fix-advice.js';
import { placedUrlsOf, type PlacedUrl } from '../observation-facts.js';
import type { TraceRule } from '../trace-rule.js';

/** Up to this many forms of the id, each URL is searched for each of them anywhere in its text. */
const SUBSTRING_SEARCH_LIMIT = 24;

/**
 * True when a URL carries one of the ids. With few ids (the usual case) it looks anywhere in the
 * text; a cookie whose value changes on every response (Laravel's encrypted cookie) can have
 * hundreds, and then it compares whole URL components (path segments and parameter values), one
 * set lookup each, so grading stays linear in the length of the trace.
 */
function carriesId(url: PlacedUrl, needles: readonly string[], needleSet: ReadonlySet<string>): boolean {
  if (needles.length <= SUBSTRING_SEARCH_LIMIT) return needles.some((needle) => url.text.includes(needle));
  for (const component of url.components) if (needleSet.has(component)) return true;
  return false;
}

/**
 * `id-in-url`: the session id appears in a request URL, a Referer or a Location header, or the
 * path carries `;jsessionid=` (URL rewriting). URLs end up in logs, history and other sites'
 * Referer. Sources: ZAP 3, ASVS 4 3.1.1, ASVS 5 14.2.1.
 */
export const idInUrl: TraceRule = {
  id: 'id-in-url',
  deduction: 0,
  cap: 'F',
  explain: ({ observations, values, identity }) => {
    const needles = [...new Set(values.flatMap(valueForms))];
    const needleSet = new Set(needles);
    const rewritesUrls = identity.name.toLowerCase() === 'jsessionid';
    const places = new Set<string>();
    for (const observation of observations) {
      for (const url of placedUrlsOf(observation)) {
        if (!places.has(url.place) && carriesId(url, needles, needleSet)) places.add(url.place);
      }
      if (rewritesUrls && /;jsessionid=/i.test(observation.url)) places.add('the URL path (;jsessionid=)');
    }
    return places.size === 0
      ? null
      : `The session id appears in ${[...places].join(', ')}: URLs end up in logs, browser history and other sites' Referer, and whoever reads one can take over the session.`;
  },
  fix: {
    ...everyFramework(
      'Never put `req.sessionID` or the cookie value in links or redirects; the cookie alone carries the session.',
      'Never put the session id in URLs; let the cookie alone carry it.',
    ),
    php: 'Set `session.use_only_cookies = 1`, `session.use_strict_mode = 1` and `session.use_trans_sid = 0` in php.ini.',
    'java-servlet': 'Add `<tracking-mode>COOKIE</tracking-mode>` to `<session-config>` in web.xml (no URL rewriting).',
    'spring-session': 'Set `server.servlet.session.tracking-modes=cookie`.',
  },
};
