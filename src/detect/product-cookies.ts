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

/** Session cookies of products under names no framework uses (rule 2 additions). */
export const PRODUCT_SESSION_COOKIES: readonly ProductCookie[] = [];

/** Vendors' cookies that carry no session although a rule would take them for one (never-session additions). */
export const VENDOR_NEVER_SESSION_COOKIES: readonly ProductCookie[] = [];

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
