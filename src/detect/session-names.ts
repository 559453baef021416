import type { Framework } from './framework.js';

/**
 * Framework default session cookie names, in the order of rubric section 2 list 2. Where two
 * frameworks share a name (`session` / `SESSION`), the exact-case entry wins, then the first.
 */
export const FRAMEWORK_DEFAULT_NAMES: readonly { readonly name: string; readonly framework: Framework }[] = [
  { name: 'connect.sid', framework: 'express-session' },
  { name: 'session.sig', framework: 'cookie-session' },
  { name: 'koa.sess', framework: 'koa-session' },
  { name: 'PHPSESSID', framework: 'php' },
  { name: 'JSESSIONID', framework: 'java-servlet' },
  { name: 'ASP.NET_SessionId', framework: 'asp.net' },
  { name: '.AspNetCore.Session', framework: 'asp.net-core' },
  { name: 'CFID', framework: 'coldfusion' },
  { name: 'CFTOKEN', framework: 'coldfusion' },
  { name: 'sessionid', framework: 'django' },
  { name: 'session', framework: 'flask' },
  { name: 'laravel_session', framework: 'laravel' },
  { name: 'SESSION', framework: 'spring-session' },
  { name: 'ci_session', framework: 'codeigniter' },
  { name: 'next-auth.session-token', framework: 'next-auth' },
  { name: 'authjs.session-token', framework: 'authjs' },
  // ZAP's default session token names: recognised, framework unknown.
  { name: 'sid', framework: 'unknown' },
  { name: 'sessid', framework: 'unknown' },
  { name: 'zenid', framework: 'unknown' },
  { name: 'siteserver', framework: 'unknown' },
];

/** Classic ASP: `ASPSESSIONID` followed by letters. */
export const CLASSIC_ASP_NAME = /^ASPSESSIONID[A-Z]+$/i;
/** Rails' default `_<app>_session`. */
export const RAILS_NAME = /^_[a-z0-9_]+_session$/i;
/** Laravel's `<app>_session` (Rails' names fit it too; Rails is checked first). */
export const LARAVEL_NAME = /^[a-z0-9_]+_session$/i;
/** Rule 3: a name that says it holds a session id. */
export const SESSION_NAME_PATTERN = /(^|[._-])(sess(ion)?(id)?|sid)([._-]|$)/i;

/** Cookies that are never session cookies, whatever their name looks like (rubric section 2). */
export function isNeverSessionName(name: string): boolean {
  // Every listed name starts with "_", "a", "c" or "h": most names are decided without lower-casing.
  const first = name.charCodeAt(0) | 0x20;
  if (first !== 0x7f && first !== 0x61 && first !== 0x63 && first !== 0x68) return false;
  const lower = name.toLowerCase();
  return (
    lower === 'heroku-session-affinity' ||
    lower === 'awsalb' ||
    lower === 'awsalbcors' ||
    lower === 'csrftoken' ||
    lower === '_ga' ||
    lower === '_gid' ||
    lower.startsWith('_gat') ||
    lower === '_fbp'
  );
}

/** The cookie-name prefixes of RFC 6265bis 4.1.3, matched case-insensitively as browsers now do. */
export function cookiePrefix(name: string): '__Host-' | '__Secure-' | null {
  if (name.charCodeAt(0) !== 0x5f || name.charCodeAt(1) !== 0x5f) return null;
  if (startsWithIgnoreCase(name, '__host-')) return '__Host-';
  if (startsWithIgnoreCase(name, '__secure-')) return '__Secure-';
  return null;
}

/** True when `text` starts with `lowerPrefix`, ignoring ASCII case, without allocating. */
function startsWithIgnoreCase(text: string, lowerPrefix: string): boolean {
  if (text.length < lowerPrefix.length) return false;
  for (let i = 0; i < lowerPrefix.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code |= 0x20;
    if (code !== lowerPrefix.charCodeAt(i)) return false;
  }
  return true;
}

/** The name without a `__Host-` / `__Secure-` prefix. */
export function withoutPrefix(name: string): string {
  const prefix = cookiePrefix(name);
  return prefix === null ? name : name.slice(prefix.length);
}

/** Default-name entries by lower-cased name, in list order. */
const DEFAULT_NAMES_BY_LOWER = new Map<string, { readonly name: string; readonly framework: Framework }[]>();
for (const entry of FRAMEWORK_DEFAULT_NAMES) {
  const key = entry.name.toLowerCase();
  DEFAULT_NAMES_BY_LOWER.set(key, [...(DEFAULT_NAMES_BY_LOWER.get(key) ?? []), entry]);
}

/** The framework whose default name this is (case-insensitive; exact case wins), or null. */
export function frameworkForDefaultName(name: string): Framework | null {
  const candidates = DEFAULT_NAMES_BY_LOWER.get(name.toLowerCase());
  if (candidates !== undefined) {
    return (candidates.find((entry) => entry.name === name) ?? candidates[0])?.framework ?? null;
  }
  if (CLASSIC_ASP_NAME.test(name)) return 'classic-asp';
  if (RAILS_NAME.test(name)) return 'rails';
  if (LARAVEL_NAME.test(name)) return 'laravel';
  return null;
}
