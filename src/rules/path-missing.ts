import { defineCookieRule } from './cookie-rule.js';
import { PATH_ADVICE } from './fix-advice.js';

/**
 * `path-missing`: no Path attribute; the default path is the directory of the request path
 * (RFC 6265bis 5.1.4), so the same login can get different cookies on different pages.
 */
export const pathMissing = defineCookieRule({
  id: 'path-missing',
  deduction: 2,
  cap: null,
  explain: ({ cookie }) => {
    if (cookie.path !== null) return null;
    const hasPathAttribute = cookie.diagnostics.some(
      (d) =>
        (d.kind === 'invalid-path') || (d.kind === 'attribute-oversize' && d.attribute.toLowerCase() === 'path'),
    );
    return hasPathAttribute
      ? null
      : 'No Path attribute: the cookie gets a default path from the request URL, which depends on the page that set it.';
  },
  fix: PATH_ADVICE,
});
