/** What each note means, for people (docs/rubric.md, the rules page, `--explain`): notes never change a score. */
export const NOTE_DOCS: Readonly<Record<string, string>> = {
  'a-plus-needs-login': 'Everything else is in place for A+: log in while recording to show that the id rotates at login.',
  'rotated-on-login': 'A login changed the session id (the positive side of no-rotation-on-login); it unlocks A+.',
  'prefix-http-available': 'A __Host- cookie with HttpOnly could be __Host-Http-, a prefix browsers refuse to let page script set.',
  'client-side-session':
    'The session data travels in the cookie (cookie-session, Flask, Django signed cookies, the Rails cookie store, JWE): logout cannot revoke a copy, a new value at login proves no rotation, and the best letter is A.',
  'set-outside-trace': 'The cookie was first seen in a request, the store or by script, not in a Set-Cookie: set before the recording, or by script.',
  'browser-session-cookie': 'No Max-Age or Expires: the cookie ends with the browser session, as OWASP recommends for session ids.',
  'expires-without-max-age': "Expires without Max-Age: the lifetime depends on the client's clock (express-session's maxAge emits Expires only).",
  'expires-overridden-by-max-age': 'Both Max-Age and Expires: browsers use Max-Age.',
  'duplicate-attribute': 'An attribute appears twice: the last one wins.',
  'unknown-attribute': 'An attribute browsers do not know: it has no effect.',
  'invalid-max-age-ignored': 'A Max-Age that is not a number of seconds: browsers ignore it.',
  'invalid-expires-ignored': 'An Expires date browsers cannot read: they ignore it.',
  'invalid-path-ignored': 'A Path that does not start with "/": browsers use the default path.',
  'empty-domain-ignored': 'An empty Domain: the cookie stays host-only.',
  'browser-difference':
    'Chromium or Firefox stores the line differently from the draft (Firefox reads lenient Expires dates and a pair without "=" as a name; Chromium reads Max-Age=+60): the note says which browser does what.',
  'ignored-by-browser': 'Browsers ignore the whole line (a control character, no name and no value, or a nameless prefixed value).',
  'samesite-lax': 'SameSite=Lax is good; Strict is preferred for session ids.',
  'hsts-not-applicable': 'An https response from an IP address or localhost, without HSTS: HSTS does not apply there; check it on your real host name.',
  priority: 'Priority is a Chrome-only attribute.',
  'secret-check-skipped':
    'A cap stopped the known-secrets check: values longer than 4,096 characters, and signed values past the first 1,000 of a trace, are not signed with every candidate secret.',
  'inspection-capped': 'A compressed value inflates past 64 KB (a cookie holds at most 4 KB): value-carries-data stopped reading it there.',
  partitioned: 'Partitioned (CHIPS): in third-party contexts the cookie is kept per top-level site.',
  'active-check-skipped':
    '--active could not ask the server one of its questions, and says what the flow lacks: an authenticated probe (a step after the login and before the logout with expect.text), a login or a logout step, or a session cookie to send.',
};
