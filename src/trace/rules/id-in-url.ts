import { percentDecode, percentEncode } from '../../core/percent-decode.js';
import { headerValues } from '../../observation/observation.js';
import { everyFramework } from '../../rules/fix-advice.js';
import type { TraceRule } from '../trace-rule.js';

/** Shorter values could appear in a URL by chance. */
const MIN_VALUE_LENGTH = 8;

function forms(value: string): string[] {
  return [...new Set([value, percentEncode(value), percentDecode(value)])].filter((form) => form.length >= MIN_VALUE_LENGTH);
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
    const needles = values.flatMap(forms);
    const places = new Set<string>();
    for (const observation of observations) {
      if (needles.some((needle) => observation.url.includes(needle))) places.add('a request URL');
      if (headerValues(observation.requestHeaders, 'referer').some((referer) => needles.some((needle) => referer.includes(needle)))) {
        places.add('a Referer header');
      }
      if (headerValues(observation.responseHeaders, 'location').some((location) => needles.some((needle) => location.includes(needle)))) {
        places.add('a Location header');
      }
      if (identity.name.toLowerCase() === 'jsessionid' && /;jsessionid=/i.test(observation.url)) places.add('the URL path (;jsessionid=)');
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
