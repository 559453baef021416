import { utf8ByteLength } from '../core/utf8-byte-length.js';
import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/** RFC 6265bis 5.6 step 6: name + value over this many bytes is ignored. */
export const MAX_NAME_VALUE_BYTES = 4096;

/**
 * `rejected-oversize`: name and value together longer than 4096 bytes are dropped.
 * Sources: RFC 6265bis 5.6, Chrome NameValuePairExceedsMaxSize.
 */
export const rejectedOversize = defineCookieRule({
  id: 'rejected-oversize',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'Name and value together longer than 4096 bytes.',
    why: 'Browsers drop the whole cookie.',
    sources: 'RFC 6265bis 5.6; Chrome NameValuePairExceedsMaxSize',
  },
  snippet: 'req.session.data = value; // keep data in the server-side session, not in the cookie',
  explain: ({ cookie }) => {
    // A UTF-16 unit is at most 3 UTF-8 bytes: short cookies need no count.
    if ((cookie.name.length + cookie.value.length) * 3 <= MAX_NAME_VALUE_BYTES) return null;
    const bytes = utf8ByteLength(cookie.name) + utf8ByteLength(cookie.value);
    return bytes > MAX_NAME_VALUE_BYTES ? `Name and value are ${bytes} bytes, over the browser's 4096-byte limit: the cookie is rejected.` : null;
  },
  fix: everyFramework(
    'Keep data in `req.session` on the server so the cookie carries only the id.',
    'Store session data on the server and keep only an id in the cookie.',
  ),
});
