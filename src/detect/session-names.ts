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
  if (name.length >= 7 && name.slice(0, 7).toLowerCase() === '__host-') return '__Host-';
  if (name.length >= 9 && name.slice(0, 9).toLowerCase() === '__secure-') return '__Secure-';
  return null;
}

/** The name without a `__Host-` / `__Secure-` prefix. */
export function withoutPrefix(name: string): string {
  const prefix = cookiePrefix(name);
  return prefix === null ? name : name.slice(prefix.length);
}

/** The framework whose default name this is (case-insensitive; exact case wins), or null. */
export function frameworkForDefaultName(name: string): Framework | null {
  const lower = name.toLowerCase();
  let firstMatch: Framework | null = null;
  for (const entry of FRAMEWORK_DEFAULT_NAMES) {
    if (entry.name === name) return entry.framework;
    if (firstMatch === null && entry.name.toLowerCase() === lower) firstMatch = entry.framework;
  }
  if (firstMatch !== null) return firstMatch;
  if (CLASSIC_ASP_NAME.test(name)) return 'classic-asp';
  if (RAILS_NAME.test(name)) return 'rails';
  if (LARAVEL_NAME.test(name)) return 'laravel';
  return null;
}
