/** Whether a URL names a logout (rubric section 5): the trace rules and the panel's cards ask the same question. */
import { urlParts } from './trustworthy-url.js';

/** A path segment that names a logout: /logout, /logout.php, /logout-clear, /users/sign_out. */
const LOGOUT_SEGMENT = /^(log-?out|log_out|sign-?out|sign_out|logoff)([^a-z]|$)/i;

/** True when one of the URL's path segments names a logout. */
export function isLogoutUrl(url: string): boolean {
  return urlParts(url)
    .path.split('/')
    .some((part) => LOGOUT_SEGMENT.test(part));
}
