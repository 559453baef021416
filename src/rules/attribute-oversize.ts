import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/**
 * `attribute-oversize`: an attribute value over 1024 bytes, which the browser ignores (so the
 * attribute you wrote has no effect). Source: RFC 6265bis 5.6.
 */
export const attributeOversize = defineCookieRule({
  id: 'attribute-oversize',
  deduction: 5,
  cap: null,
  evidence: ['set'],
  doc: {
    when: 'An attribute value longer than 1024 bytes.',
    why: 'Browsers ignore that attribute.',
    sources: 'RFC 6265bis 5.6',
  },
  snippet: "cookie: { path: '/' } // keep cookie.path and cookie.domain short",
  explain: ({ cookie }) => {
    const oversized = cookie.diagnostics.flatMap((d) => (d.kind === 'attribute-oversize' ? [d.attribute] : []));
    return oversized.length > 0
      ? `${oversized.join(', ')} ${oversized.length === 1 ? 'is' : 'are'} over 1024 bytes: the browser ignores ${oversized.length === 1 ? 'it' : 'them'}.`
      : null;
  },
  fix: everyFramework('Shorten `cookie.path` / `cookie.domain` to under 1024 bytes.', 'Keep every cookie attribute under 1024 bytes.'),
});
