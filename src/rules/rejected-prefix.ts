import { cookiePrefix } from '../detect/session-names.js';
import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/**
 * `rejected-prefix`: `__Secure-` needs Secure; `__Host-` needs Secure, no Domain and `Path=/`
 * (prefixes matched case-insensitively). A nameless cookie whose value looks prefixed is also
 * dropped. Sources: RFC 6265bis 4.1.3, Chrome InvalidPrefix, Firefox CookieRejectedInvalidPrefix.
 */
export const rejectedPrefix = defineCookieRule({
  id: 'rejected-prefix',
  deduction: 0,
  cap: 'F',
  explain: ({ cookie }) => {
    if (cookie.rejection === 'nameless-prefixed-value') {
      return 'A cookie with an empty name whose value starts with a cookie prefix: the browser rejects it.';
    }
    const prefix = cookiePrefix(cookie.name);
    if (prefix === '__Secure-' && !cookie.secure) {
      return 'A __Secure- cookie without Secure: the browser rejects it.';
    }
    if (prefix === '__Host-') {
      const missing: string[] = [];
      if (!cookie.secure) missing.push('it has no Secure');
      if (cookie.domain !== null) missing.push('it has a Domain');
      if (cookie.path !== '/') missing.push('its Path is not /');
      if (missing.length > 0) return `A __Host- cookie the browser rejects: ${missing.join(', ')}.`;
    }
    return null;
  },
  fix: everyFramework(
    "With a `__Host-` name use `cookie: { secure: true, path: '/' }` and no `cookie.domain`; with `__Secure-` use `secure: true`. express-session emits a `__Host-` cookie without `secure: true`, and the browser drops it.",
    'Give a __Host- cookie Secure, Path=/ and no Domain; give a __Secure- cookie Secure.',
  ),
});
