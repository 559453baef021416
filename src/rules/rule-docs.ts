/**
 * What each rubric id means, for people (docs/rubric.md, SARIF rules, `--explain`): when it
 * fires, why it matters, and its sources (rubric sections 4 and 5). The rules themselves stay in
 * their modules; a test keeps this table and COOKIE_RULES / TRACE_RULES in step.
 */
export interface RuleDoc {
  /** When it fires, in one sentence. */
  readonly when: string;
  /** Why it matters, in one or two sentences. */
  readonly why: string;
  readonly sources: string;
}

export const RULE_DOCS: Readonly<Record<string, RuleDoc>> = {
  'rejected-samesite-none-insecure': {
    when: 'SameSite=None without Secure.',
    why: 'Chrome and Firefox drop the cookie: the session never starts, or an older cookie stays in use.',
    sources: 'RFC 6265bis 5.6 step 19; Chrome SameSiteNoneInsecure; Firefox CookieRejectedNonRequiresSecure2; MDN Observatory -20',
  },
  'rejected-secure-from-insecure': {
    when: 'A Secure cookie set by a response whose URL is not trustworthy (plain http, not localhost).',
    why: 'Browsers drop Secure cookies set over plain http: the cookie is never stored.',
    sources: 'RFC 6265bis 5.6 step 13; Chrome SecureOnly; Firefox CookieRejectedSecureButNonHttps',
  },
  'rejected-prefix': {
    when: 'A __Secure-, __Host-, __Http- or __Host-Http- name whose attributes break the prefix rules, or a nameless cookie whose value starts with a prefix.',
    why: 'Browsers drop the cookie: the prefix promises attributes the line does not have.',
    sources: 'RFC 6265bis 4.1.3 and 5.6; Chrome InvalidPrefix; Firefox CookieRejectedInvalidPrefix',
  },
  'rejected-partitioned-insecure': {
    when: 'Partitioned without Secure.',
    why: 'Browsers drop partitioned cookies that are not Secure.',
    sources: 'CHIPS; Firefox CookieRejectedPartitionedRequiresSecure',
  },
  'rejected-oversize': {
    when: 'Name and value together longer than 4096 bytes.',
    why: 'Browsers drop the whole cookie.',
    sources: 'RFC 6265bis 5.6; Chrome NameValuePairExceedsMaxSize',
  },
  'rejected-domain': {
    when: 'Domain does not domain-match the response host, or is a public suffix.',
    why: 'Browsers drop the cookie: a site may not set cookies for another site or for a whole suffix.',
    sources: 'RFC 6265bis 5.6 steps 9-10; Chrome InvalidDomain; Firefox CookieRejectedInvalidDomain',
  },
  'rejected-by-browser': {
    when: 'Chromium or Firefox drops the line for a reason no rule above names: a known browser difference (a tab inside the name or value in Chromium, `=value` in Firefox, a Max-Age starting with "-" in Firefox, an Expires year before 1601 in both, a control character).',
    why: 'Grading takes the strictest browser: a cookie one of them drops does not work for those users, and the finding names the browser.',
    sources: 'The differential tests against Chromium and Firefox ESR (test/e2e/differential.e2e.test.ts)',
  },
  'secret-known': {
    when: "The cookie's signature verifies with a publicly known secret (express-session, cookie-session / koa-session, Flask, Django signed cookies, HS256/384/512 JWTs).",
    why: 'Anyone can sign a session of their own choosing, for any user: every other finding is moot. Every session issued with that secret must be treated as compromised.',
    sources: 'ASVS 5 V13.3 (secret management); OWASP; badsecrets; CookieMonster',
  },
  'secure-missing': {
    when: 'No Secure attribute.',
    why: 'The browser also sends the cookie over plain http, where anyone on the network can read the session id.',
    sources: 'OWASP Session Management (mandatory); ASVS 4 3.4.1; MDN Observatory -40; ZAP 10011',
  },
  'httponly-missing': {
    when: 'No HttpOnly attribute (for a cookie seen only in requests: page script could read it).',
    why: 'Script on the page, including injected script (XSS), can read the session id and send it away.',
    sources: 'OWASP Session Management (mandatory); ASVS 4 3.4.2; MDN Observatory -30; ZAP 10010',
  },
  'samesite-missing': {
    when: 'No attribute named SameSite at all.',
    why: 'Browsers disagree on the default (Lax in Chrome, None in others), so cross-site requests may carry the session (CSRF).',
    sources: 'OWASP ("must explicitly set"); ASVS 4 3.4.3; ZAP 10054-1',
  },
  'samesite-invalid': {
    when: 'SameSite with a value other than Strict, Lax or None.',
    why: 'Browsers ignore the value and fall back to their own default.',
    sources: 'ZAP 10054-3; MDN Observatory -20; Firefox CookieSameSiteValueInvalid2',
  },
  'samesite-none': {
    when: 'SameSite=None with Secure.',
    why: 'Every cross-site request carries the session cookie; only needed for real third-party use.',
    sources: 'ZAP 10054-2; Chrome third-party cookie phase-out',
  },
  'lifetime-hour': {
    when: 'Lifetime over 1 hour, up to 1 day.',
    why: 'A stolen id stays useful for that long.',
    sources: 'ZAP 40013 (low tier)',
  },
  'lifetime-day': {
    when: 'Lifetime over 1 day, up to 7 days.',
    why: 'A stolen id stays useful for days.',
    sources: 'ZAP 40013 (medium tier); OWASP Session Management (timeouts)',
  },
  'lifetime-week': {
    when: 'Lifetime over 7 days.',
    why: 'A stolen id stays useful for weeks.',
    sources: 'ZAP 40013 (high tier); ASVS 4 3.3.2',
  },
  'lifetime-over-cap': {
    when: 'Lifetime over 400 days (besides lifetime-week).',
    why: 'Browsers shorten it to 400 days: the lifetime you set is not the one you get.',
    sources: 'RFC 6265bis 5.5 (400-day cap); Chrome since M104',
  },
  'domain-host': {
    when: 'Domain equals the response host.',
    why: 'The cookie is no longer host-only: every subdomain receives it too.',
    sources: 'OWASP Session Management ("do not set Domain")',
  },
  'domain-parent': {
    when: 'Domain is a parent of the response host.',
    why: 'Every host under that domain receives the session id, and any of them can overwrite it.',
    sources: 'ZAP 90033; Burp 00500300',
  },
  'path-missing': {
    when: 'No Path attribute.',
    why: 'The default path depends on the URL that set the cookie, so the same app can end up with several cookies.',
    sources: 'RFC 6265bis 5.1.4',
  },
  'prefix-none': {
    when: 'No __Host-, __Host-Http-, __Secure- or __Http- prefix.',
    why: 'A subdomain or an http page can plant or overwrite the cookie (cookie tossing, session fixation).',
    sources: 'ASVS 4 3.4.4; ASVS 5 3.3.1; OWASP',
  },
  'prefix-secure-only': {
    when: 'A __Secure- or __Http- cookie that already has Secure, no Domain and Path=/.',
    why: '__Host- (or __Host-Http-) would also lock the cookie to this host.',
    sources: 'ASVS 4 3.4.4',
  },
  'name-default': {
    when: "The name is a framework's default (connect.sid, PHPSESSID, JSESSIONID, sessionid, ...).",
    why: 'It tells an attacker which framework, and so which weaknesses, to try.',
    sources: 'OWASP Session Management (name fingerprinting)',
  },
  'entropy-low': {
    when: 'Estimated entropy of the id under 64 bits.',
    why: 'The id can be guessed.',
    sources: 'OWASP Session Management (at least 64 bits); ASVS 4 3.2.2',
  },
  'entropy-medium': {
    when: 'Estimated entropy of the id at least 64 and under 128 bits.',
    why: 'ASVS 5 asks for 128 bits.',
    sources: 'ASVS 5 7.2.3',
  },
  'value-carries-data': {
    when: 'A segment of the value decodes to JSON, the value is a JWS, or an e-mail address appears.',
    why: 'Session data in the cookie can be read by anyone who sees it; a session id should mean nothing.',
    sources: 'OWASP Session Management ("meaningless")',
  },
  'attribute-oversize': {
    when: 'An attribute value longer than 1024 bytes.',
    why: 'Browsers ignore that attribute.',
    sources: 'RFC 6265bis 5.6',
  },
  'cache-control-missing': {
    when: 'The response that sets the cookie has neither Cache-Control: no-store nor both private and no-cache.',
    why: 'A shared cache may store the response, Set-Cookie included, and hand it to someone else.',
    sources: 'OWASP Session Management',
  },
  'hsts-missing': {
    when: 'An https response without Strict-Transport-Security max-age >= 31536000 (not on IP addresses or localhost).',
    why: 'The first visit, or a typed http:// link, can be downgraded to plain http before the redirect.',
    sources: 'ASVS 5 3.4.1; MDN Observatory; RFC 6797',
  },
  'id-in-url': {
    when: 'The session id appears in a request URL, a Referer or a Location header, or the path carries ;jsessionid=.',
    why: "URLs end up in logs, browser history and other sites' Referer: whoever reads one can take over the session.",
    sources: 'ZAP 3; ASVS 4 3.1.1; ASVS 5 14.2.1',
  },
  'sent-over-http': {
    when: 'A request to a plain-http URL (not localhost) carried the session cookie.',
    why: 'The id crossed the network in clear text.',
    sources: 'OWASP Session Management; ASVS 4 3.4.1',
  },
  'no-rotation-on-login': {
    when: 'A successful login carried a session id, and requests after it still carry the same id.',
    why: 'An attacker who planted that id before the login is now logged in as the user (session fixation).',
    sources: 'OWASP Session Management (mandatory); ASVS 4 3.2.1; ASVS 5 7.2.4; ZAP 40013',
  },
  'logout-not-cleared': {
    when: 'After a logout, no Set-Cookie deleted or replaced the session cookie.',
    why: 'The id, and often the server session, outlives the logout.',
    sources: 'ASVS 5 7.4.1; OWASP Session Management',
  },
};

/** The notes (rubric section 4, "Notes with no deduction"): shown, never scored. */
export const NOTE_DOCS: Readonly<Record<string, string>> = {
  'a-plus-needs-login': 'Everything else is in place for A+: log in while recording to show that the id rotates at login.',
  'rotated-on-login': 'A login changed the session id (the positive side of no-rotation-on-login); it unlocks A+.',
  'prefix-http-available': 'A __Host- cookie with HttpOnly could be __Host-Http-, a prefix browsers refuse to let page script set.',
  'client-side-session': 'The session data travels in the cookie (cookie-session, Flask, Django signed cookies, the Rails cookie store, JWE): logout cannot revoke a copy, a new value at login proves no rotation, and the best letter is A.',
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
  'browser-difference': 'Chromium or Firefox stores the line differently from the draft (Firefox reads lenient Expires dates and a pair without "=" as a name; Chromium reads Max-Age=+60): the note says which browser does what.',
  'ignored-by-browser': 'Browsers ignore the whole line (a control character, no name and no value, or a nameless prefixed value).',
  'samesite-lax': 'SameSite=Lax is good; Strict is preferred for session ids.',
  'hsts-not-applicable': 'An https response from an IP address or localhost, without HSTS: HSTS does not apply there; check it on your real host name.',
  priority: 'Priority is a Chrome-only attribute.',
  partitioned: 'Partitioned (CHIPS): in third-party contexts the cookie is kept per top-level site.',
};
