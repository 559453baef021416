/**
 * Notes with no deduction (rubric section 4): what the browser discarded, and facts a developer
 * should know about the attributes they chose.
 */
import type { ParsedSetCookie } from '../core/parsed-set-cookie.js';
import { cookiePrefix } from '../detect/session-names.js';
import type { Note } from '../core/finding.js';
import { PARSE_REJECTION_MESSAGES } from '../browsers/parse-rejection-messages.js';

export function cookieNotes(cookie: ParsedSetCookie): Note[] {
  const notes: Note[] = [];
  if (cookie.rejection !== null) {
    notes.push({ id: 'ignored-by-browser', message: PARSE_REJECTION_MESSAGES[cookie.rejection] });
  }
  for (const diagnostic of cookie.diagnostics) {
    switch (diagnostic.kind) {
      case 'overridden-attribute':
        notes.push({
          id: 'duplicate-attribute',
          message: `\`${diagnostic.text}\` is overridden by a later ${diagnostic.attribute} attribute (the last one wins).`,
        });
        break;
      case 'unknown-attribute':
        notes.push({ id: 'unknown-attribute', message: `\`${diagnostic.text}\` is not an attribute browsers know: it has no effect.` });
        break;
      case 'invalid-max-age':
        notes.push({ id: 'invalid-max-age-ignored', message: `\`${diagnostic.text}\` is not a number of seconds: browsers ignore it.` });
        break;
      case 'invalid-expires':
        notes.push({ id: 'invalid-expires-ignored', message: `\`${diagnostic.text}\` is not a date browsers can read: they ignore it.` });
        break;
      case 'invalid-path':
        notes.push({ id: 'invalid-path-ignored', message: `\`${diagnostic.text}\` does not start with "/": browsers use the default path instead.` });
        break;
      case 'empty-domain':
        notes.push({ id: 'empty-domain-ignored', message: 'An empty Domain attribute is ignored: the cookie stays host-only.' });
        break;
      case 'invalid-samesite':
      case 'attribute-oversize':
        // Scored by samesite-invalid and attribute-oversize.
        break;
    }
  }
  if (cookie.expires !== null && cookie.maxAge === null) {
    notes.push({
      id: 'expires-without-max-age',
      message: "Expires without Max-Age: the lifetime depends on the client's clock. express-session's `cookie.maxAge` emits Expires only.",
    });
  }
  if (cookie.expires !== null && cookie.maxAge !== null) {
    notes.push({ id: 'expires-overridden-by-max-age', message: 'Both Max-Age and Expires are set: browsers use Max-Age.' });
  }
  if (cookie.expires === null && cookie.maxAge === null) {
    notes.push({
      id: 'browser-session-cookie',
      message:
        'No Max-Age or Expires: the cookie ends with the browser session, as OWASP recommends for session ids (ZAP rule 40013 rates this differently). Browsers that restore sessions may keep it longer.',
    });
  }
  if (cookie.sameSite === 'Lax') {
    notes.push({ id: 'samesite-lax', message: 'SameSite=Lax is good; Strict is preferred for session ids.' });
  }
  if (cookie.priority !== null) {
    notes.push({ id: 'priority', message: `Priority=${cookie.priority} is a Chrome-only attribute; other browsers ignore it.` });
  }
  if (cookiePrefix(cookie.name) === '__Host-' && cookie.httpOnly) {
    notes.push({
      id: 'prefix-http-available',
      message: 'This __Host- cookie has HttpOnly: the __Host-Http- prefix would also stop page script from setting a cookie of that name.',
    });
  }
  if (cookie.partitioned) {
    notes.push({ id: 'partitioned', message: 'Partitioned (CHIPS): in third-party contexts the cookie is kept per top-level site.' });
  }
  return notes;
}
