import type { CookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/** RFC 6265bis 5.6 step 6: name + value over this many bytes is ignored. */
export const MAX_NAME_VALUE_BYTES = 4096;

/**
 * `rejected-oversize`: name and value together longer than 4096 bytes are dropped.
 * Sources: RFC 6265bis 5.6, Chrome NameValuePairExceedsMaxSize.
 */
export const rejectedOversize: CookieRule = {
  id: 'rejected-oversize',
  deduction: 0,
  cap: 'F',
  explain: ({ cookie }) =>
    cookie.nameValueBytes > MAX_NAME_VALUE_BYTES
      ? `Name and value are ${cookie.nameValueBytes} bytes, over the browser's 4096-byte limit: the cookie is rejected.`
      : null,
  fix: everyFramework(
    'Keep data in `req.session` on the server so the cookie carries only the id.',
    'Store session data on the server and keep only an id in the cookie.',
  ),
};
