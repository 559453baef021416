/**
 * What the project adds to detection to hold on real traffic (rubric section 2.1: "the project may
 * add framework or product names to rule 2 and vendors' cookies to the never-session list, each
 * with its evidence"), measured on the labelled corpus in test/corpus/.
 *
 * Each entry is a product's own cookie on its own site: a name alone says little (LinkedIn's
 * JSESSIONID is a CSRF token, Facebook's `xs` a login), so an entry applies only to a cookie whose
 * domain belongs to that site (its registrable domain). docs/rubric.md lists every entry.
 */

export interface ProductCookie {
  /** The cookie's name (without a `__Host-` / `__Secure-` prefix), matched case-sensitively. */
  readonly name: string;
  /** The registrable domain of the product's site. */
  readonly site: string;
  /** The product, as a card names it. */
  readonly product: string;
  /** What the cookie is for, as a card says it: "session cookie", "CSRF token", "visitor id"... */
  readonly what: string;
  /** Why: the vendor's documentation, or what the corpus shows of the cookie. */
  readonly evidence: string;
}

const entry = (name: string, site: string, product: string, what: string, evidence: string): ProductCookie => ({ name, site, product, what, evidence });

/** Session cookies of products under names no framework uses (rule 2 additions). */
export const PRODUCT_SESSION_COOKIES: readonly ProductCookie[] = [
  entry('xs', 'facebook.com', 'Facebook', 'session secret', "Facebook's cookie policy: xs, with c_user, authenticates a logged-in session"),
  entry(
    's',
    'facebook.com',
    'Facebook',
    'login session cookie',
    "sent only in logged-in requests beside c_user and xs; the 2011 Irish DPC audit of Facebook lists s among the login session's cookies",
  ),
  entry(
    'GAPS',
    'google.com',
    'Google Accounts',
    'sign-in cookie',
    'Open Cookie Database (Functional): "used to sign in with Google account"; HttpOnly, __Host-, Priority=HIGH',
  ),
  entry('S', 'feedburner.com', 'Google FeedBurner', 'session cookie', "its value is the gsessionid Google's redirect also carries in the URL"),
  entry('cred', 'zoom.us', 'Zoom', 'credential cookie', '32 hex characters, HttpOnly, Secure, browser-session lifetime'),
  entry('_zm_ssid', 'zoom.us', 'Zoom', 'web session id', 'aw1_c_ + an id, HttpOnly, Secure, browser-session lifetime'),
  entry('stel_ssid', 'telegram.org', 'Telegram', 'web session id', 'HttpOnly, Secure, one day, set by the web app'),
  entry('stel_ssid', 't.me', 'Telegram', 'web session id', 'HttpOnly, Secure, one day, set by the web app'),
  entry('xman_t', 'aliexpress.com', 'AliExpress', 'session ticket', "Alibaba's encrypted, HttpOnly login ticket of AliExpress web sessions"),
  entry('xman_t', 'aliexpress.us', 'AliExpress', 'session ticket', "Alibaba's encrypted, HttpOnly login ticket of AliExpress web sessions"),
  entry('SS', 'eventbrite.com', 'Eventbrite', 'session key', 'HttpOnly, Secure, browser-session lifetime, paired with SP'),
  entry('SP', 'eventbrite.com', 'Eventbrite', 'signed session payload', 'HttpOnly, Secure, browser-session lifetime, paired with SS'),
  entry('bkng_sso_auth', 'booking.com', 'Booking.com', 'single-sign-on session', 'encrypted, HttpOnly, Secure, seven days'),
  entry('bse', 'yelp.com', 'Yelp', 'browser session id', '32 hex characters, HttpOnly, browser-session lifetime'),
  entry('MySQL_S', 'mysql.com', 'mysql.com', 'PHP session id', 'a PHP session id (32 characters of [0-9a-v]) under a custom session.name'),
  entry('STATSESSID', 'statista.com', 'Statista', 'PHP session id', 'a 26-character PHP session id under a custom session.name, HttpOnly, Secure'),
  entry('ss1', 'popsugar.com', 'POPSUGAR', 'session payload', 'signed and encrypted (flag|expiry|ciphertext|HMAC), the lifetime of its PHPSESSID'),
  entry(
    'INSTAUTH_COOKIE',
    'britannica.com',
    'Britannica',
    'institutional sign-in token',
    "set when the visitor's address matches a subscribing institution; grants access",
  ),
  entry('MS_AUTH', 'mytoys.de', 'myToys', 'single-sign-on token', 'a random UUID set HttpOnly by the SSO service beside MS_SESS'),
  entry(
    'SessionID',
    'fiddlerstartmarker.com',
    'a domain-parking page',
    'session id',
    'a random UUID sent with every request beside VisitorID (a Fiddler capture of the parked domain)',
  ),
  entry('JSIDVZW', 'verizonwireless.com', 'Verizon', 'WebLogic session id', "WebLogic's JSESSIONID layout (<id>!<hash>!<server>!<port>!-1) under another name"),
];

/** Vendors' cookies that carry no session although a rule would take them for one (never-session additions). */
export const VENDOR_NEVER_SESSION_COOKIES: readonly ProductCookie[] = [
  entry(
    'JSESSIONID',
    'linkedin.com',
    'LinkedIn',
    'CSRF token',
    'LinkedIn\'s cookie table: JSESSIONID ("ajax:<digits>") is echoed in the csrf-token header; the session is li_at',
  ),
  entry('session_tracker', 'reddit.com', 'Reddit', 'analytics session id', 'an analytics id; the login session is reddit_session'),
  entry('server_session_id', 'twitch.tv', 'Twitch', 'analytics session id', 'readable by script, used by its analytics; the login session is auth-token'),
  entry('fb_sessiontraffic', 'godaddy.com', 'GoDaddy', 'traffic analytics cookie', 'holds visit times, a pathway id and a page count'),
  entry(
    'SESSION_TRACKING_COOKIE',
    'verizonwireless.com',
    'Verizon',
    'visit-tracking cookie',
    'a copy of the JSIDVZW id and a timestamp, kept 58 years, for analytics',
  ),
  entry('BXYV_VIPER_SID', 'verizonwireless.com', 'Verizon', 'sampling cookie', 'four random fractions, one hour, set before the application answers'),
  entry('tinyUUID', 'tinyurl.com', 'TinyURL', 'visitor id', "a visitor UUID kept five years, in Laravel's encrypted envelope like every Laravel cookie"),
  entry('early-access', 'tinyurl.com', 'TinyURL', 'feature flag', "in Laravel's encrypted envelope like every Laravel cookie"),
  entry('__tdbbrowser', 'thedailybeast.com', 'The Daily Beast', 'browser id', 'kept ten years; signed with a .sig companion'),
  entry('__tdbsesh', 'thedailybeast.com', 'The Daily Beast', 'visit record', 'a signed visit record (minutes, an ad bucket) of 30 minutes, not a login'),
  entry('kppid', 'thedailybeast.com', 'Salesforce (Krux)', 'advertising id', 'a data-management-platform user id'),
  entry('pay_ent_smp', 'newyorker.com', 'Condé Nast', 'paywall meter', 'an HS256 JWT counting articles read (urls, cnt, max)'),
  entry('woe_id', 'kickstarter.com', 'Kickstarter', 'location id', 'a Rails-signed WOEID, not the session (_ksr_session is)'),
];

function byNameAndSite(entries: readonly ProductCookie[]): Map<string, ProductCookie> {
  return new Map(entries.map((entry) => [`${entry.name}\u0000${entry.site}`, entry]));
}

const SESSIONS = byNameAndSite(PRODUCT_SESSION_COOKIES);
const NEVER_SESSIONS = byNameAndSite(VENDOR_NEVER_SESSION_COOKIES);

/** The product whose session cookie this is on `site`, or null. */
export function productSessionCookie(name: string, site: string | undefined): ProductCookie | null {
  return site === undefined ? null : (SESSIONS.get(`${name}\u0000${site}`) ?? null);
}

/** The vendor's never-session cookie of this name on `site`, or null. */
export function vendorNeverSessionCookie(name: string, site: string | undefined): ProductCookie | null {
  return site === undefined ? null : (NEVER_SESSIONS.get(`${name}\u0000${site}`) ?? null);
}
