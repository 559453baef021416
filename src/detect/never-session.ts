/**
 * Cookies that never carry a session id (rubric section 2.1, version 3), with who sets them, so
 * a card can say why a cookie was ruled out: load-balancer affinity, CSRF tokens, bot management,
 * analytics, and every cookie the Open Cookie Database lists as Analytics or Marketing (its exact
 * names; its wildcard names as prefixes). Matching is case-insensitive; `*` is any suffix.
 *
 * The database's part is generated from its snapshot by scripts/make-never-session-list.ts
 * (Apache-2.0: open-cookie-database.LICENSE beside the list).
 *
 * @see https://github.com/jkwakman/Open-Cookie-Database
 * @see https://learn.microsoft.com/azure/azure-monitor/app/javascript-sdk-configuration (ai_session, ai_user)
 * @see https://experienceleague.adobe.com/docs/core-services/interface/data-collection/cookies/analytics.html (s_sess, s_pers)
 * @see https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/ (__cf_bm, _cfuvid)
 */
import openCookieDatabase from './open-cookie-database.json' with { type: 'json' };

/** Who sets a never-session cookie and what it is for, as a card shows it. */
export interface NeverSessionCookie {
  /** "Azure Application Insights analytics cookie", "Django CSRF token"... */
  readonly description: string;
  /**
   * Where the entry comes from: the rubric's own list, a vendor's cookie the project added with
   * its evidence (src/detect/product-cookies.ts), or the Open Cookie Database.
   */
  readonly source: 'rubric' | 'vendor' | 'open-cookie-database';
}

/** The rubric's own list (section 2.1): exact names, and name families ending in `*`. */
export const RUBRIC_NEVER_SESSION: readonly (readonly [string, string])[] = [
  ['heroku-session-affinity', 'Heroku load-balancer affinity cookie'],
  ['AWSALB', 'AWS load-balancer affinity cookie'],
  ['AWSALBCORS', 'AWS load-balancer affinity cookie'],
  ['AWSALBTG', 'AWS load-balancer affinity cookie'],
  ['AWSALBTGCORS', 'AWS load-balancer affinity cookie'],
  ['csrftoken', 'Django CSRF token'],
  ['XSRF-TOKEN', 'CSRF token (Angular, Laravel, Axios)'],
  ['_csrf', 'CSRF token (csurf, Rails)'],
  ['csrf_token', 'CSRF token'],
  ['__cf_bm', 'Cloudflare bot-management cookie'],
  ['_cfuvid', 'Cloudflare rate-limiting cookie'],
  ['_ga', 'Google Analytics cookie'],
  ['_ga_*', 'Google Analytics cookie'],
  ['_gid', 'Google Analytics cookie'],
  ['_gat*', 'Google Analytics cookie'],
  ['_gcl_*', 'Google Ads conversion cookie'],
  ['_fbp', 'Meta (Facebook) pixel cookie'],
  ['_hj*', 'Hotjar analytics cookie'],
  ['ai_session', 'Azure Application Insights analytics cookie'],
  ['ai_user', 'Azure Application Insights analytics cookie'],
  ['s_sess', 'Adobe Analytics cookie'],
  ['s_pers', 'Adobe Analytics cookie'],
];

interface NameTable {
  readonly exact: Map<string, NeverSessionCookie>;
  /** Prefixes by their first two characters (lower-cased), so a lookup tries a few, not all. */
  readonly prefixes: Map<string, [string, NeverSessionCookie][]>;
}

function addName(table: NameTable, name: string, isPrefix: boolean, entry: NeverSessionCookie): void {
  const trimmed = name.endsWith('*') ? name.slice(0, -1) : name;
  const lower = trimmed.toLowerCase();
  if (!isPrefix && !name.endsWith('*')) {
    if (!table.exact.has(lower)) table.exact.set(lower, entry);
    return;
  }
  const bucket = lower.slice(0, 2);
  const list = table.prefixes.get(bucket) ?? [];
  list.push([lower, entry]);
  table.prefixes.set(bucket, list);
}

function lowerCategory(category: string): string {
  return category === 'Marketing' ? 'advertising' : category.toLowerCase();
}

/** The rubric's own list: it wins over every rule but the user's mark. */
const RUBRIC_TABLE: NameTable = { exact: new Map(), prefixes: new Map() };
for (const [name, description] of RUBRIC_NEVER_SESSION) addName(RUBRIC_TABLE, name, false, { description, source: 'rubric' });
/** The database's Analytics and Marketing cookies: framework formats and default names win over it. */
const DATABASE_TABLE: NameTable = { exact: new Map(), prefixes: new Map() };
/** The database's snapshot, as the list derived from it names it (for docs/rubric.md). */
export const OPEN_COOKIE_DATABASE = { snapshot: openCookieDatabase.snapshot, cookies: openCookieDatabase.cookies.length };

for (const [name, platform, category, wildcard] of openCookieDatabase.cookies as [string, string, string, number][]) {
  addName(DATABASE_TABLE, name, wildcard === 1, { description: `${platform} ${lowerCategory(category)} cookie`, source: 'open-cookie-database' });
}

/** The rubric's own never-session entry for a cookie name (prefix removed or not: the caller tries both), or null. */
export function rubricNeverSessionCookie(name: string): NeverSessionCookie | null {
  return lookUp(RUBRIC_TABLE, name);
}

/** The Open Cookie Database's entry for a cookie name, or null. */
export function databaseNeverSessionCookie(name: string): NeverSessionCookie | null {
  return lookUp(DATABASE_TABLE, name);
}

/** Either list's entry: the rubric's first. */
export function neverSessionCookie(name: string): NeverSessionCookie | null {
  return rubricNeverSessionCookie(name) ?? databaseNeverSessionCookie(name);
}

function lookUp(table: NameTable, name: string): NeverSessionCookie | null {
  const lower = name.toLowerCase();
  const exact = table.exact.get(lower);
  if (exact !== undefined) return exact;
  // A prefix sits under its first two characters, or its only one.
  for (const bucket of [lower.slice(0, 2), lower.slice(0, 1)]) {
    for (const [prefix, entry] of table.prefixes.get(bucket) ?? []) if (lower.startsWith(prefix)) return entry;
  }
  return null;
}

/** A JWT whose name says it is a CSRF token (rubric 2.1): a CSRF token can be a JWT. */
export function isCsrfName(name: string): boolean {
  return /csrf|xsrf/i.test(name);
}

/** CSRF cookies that page script must read by design: never given httponly-missing (rubric 4). */
export function isScriptReadCsrfName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'xsrf-token' || lower === 'csrftoken' || lower === '_csrf' || lower === 'csrf_token';
}
