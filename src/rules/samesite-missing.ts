import { defineCookieRule } from './cookie-rule.js';
import { SAMESITE_ADVICE } from './fix-advice.js';

/**
 * `samesite-missing`: the line has no SameSite attribute at all. Browsers differ on the default
 * (Chrome: Lax with a two-minute POST exception; Firefox and Safari: None), so it must be explicit.
 * Sources: OWASP ("must explicitly set"), ASVS 4 3.4.3, ZAP 10054-1.
 */
export const sameSiteMissing = defineCookieRule({
  id: 'samesite-missing',
  deduction: 20,
  cap: 'B',
  evidence: ['set', 'store'],
  doc: {
    when: 'No attribute named SameSite at all.',
    why: 'Browsers disagree on the default (Lax in Chrome, None in others), so cross-site requests may carry the session (CSRF).',
    sources: 'OWASP ("must explicitly set"); ASVS 4 3.4.3; ZAP 10054-1',
  },
  snippet: "cookie: { sameSite: 'strict' }",
  explain: ({ cookie }) => {
    if (cookie.sameSite !== null) return null;
    const oversized = cookie.diagnostics.some((d) => d.kind === 'attribute-oversize' && d.attribute.toLowerCase() === 'samesite');
    return oversized ? null : 'No SameSite attribute: browsers disagree on the default, and some send the cookie on cross-site requests (CSRF).';
  },
  fix: SAMESITE_ADVICE,
});
