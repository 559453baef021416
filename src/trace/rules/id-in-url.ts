import { everyFramework } from '../../rules/fix-advice.js';
import { defineTraceRule } from '../trace-rule.js';

/**
 * `id-in-url`: the session id appears in a request URL, a Referer or a Location header, or the
 * path carries `;jsessionid=` (URL rewriting). URLs end up in logs, history and other sites'
 * Referer. Sources: ZAP 3, ASVS 4 3.1.1, ASVS 5 14.2.1.
 */
export const idInUrl = defineTraceRule<null>({
  id: 'id-in-url',
  deduction: 0,
  cap: 'F',
  doc: {
    when: 'The session id appears in a request URL, a Referer or a Location header, or the path carries ;jsessionid=.',
    why: "URLs end up in logs, browser history and other sites' Referer: whoever reads one can take over the session.",
    sources: 'ZAP 3; ASVS 4 3.1.1; ASVS 5 14.2.1',
  },
  snippet: '// Build links without req.sessionID: the cookie alone carries the session.',
  // The trace's URLs are searched once for every session id (IdOccurrences), not per cookie.
  start: () => null,
  step: () => undefined,
  explain: (_state, { idPlaces }) =>
    idPlaces.length === 0
      ? null
      : `The session id appears in ${idPlaces.join(', ')}: URLs end up in logs, browser history and other sites' Referer, and whoever reads one can take over the session.`,
  fix: {
    ...everyFramework(
      'Never put `req.sessionID` or the cookie value in links or redirects; the cookie alone carries the session.',
      'Never put the session id in URLs; let the cookie alone carry it.',
    ),
    php: 'Set `session.use_only_cookies = 1`, `session.use_strict_mode = 1` and `session.use_trans_sid = 0` in php.ini.',
    'java-servlet': 'Add `<tracking-mode>COOKIE</tracking-mode>` to `<session-config>` in web.xml (no URL rewriting).',
    'spring-session': 'Set `server.servlet.session.tracking-modes=cookie`.',
  },
});
