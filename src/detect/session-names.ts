import type { Framework } from './framework.js';

/**
 * Framework default session cookie names, in the order of rubric section 2.1 list 2, matched
 * case-sensitively: `sessionId` is @fastify/session, `sessionid` Django, `SESSION` Spring Session.
 * A name that matches one only case-insensitively is a session cookie of framework `unknown`.
 */
export const FRAMEWORK_DEFAULT_NAMES: readonly { readonly name: string; readonly framework: Framework }[] = [
  { name: 'connect.sid', framework: 'express-session' },
  { name: 'session.sig', framework: 'cookie-session' },
  { name: 'koa.sess', framework: 'koa-session' },
  { name: 'sessionId', framework: '@fastify/session' },
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
/** Rails' default `_<app>_session`: a leading underscore. */
export const RAILS_NAME = /^_[a-z0-9_]+_session$/;
/**
 * Laravel's `<app>_session` name shape (no leading underscore). Detection takes it for Laravel only
 * with Laravel's envelope value (rule 1); `name-default` still knows it for a default name.
 */
export const LARAVEL_NAME = /^[a-z0-9][a-z0-9_]*_session$/;
/**
 * Rule 3: a name that says it holds a session id, `(^|[._-])(sess(ion)?(id)?|sid)([._-]|$)`, or
 * that contains `session` anywhere (`RYANSESSION`, `asessionid`); with a value of 16+ characters.
 */
export const SESSION_NAME_PATTERN = /(^|[._-])(sess(ion)?(id)?|sid)([._-]|$)|session/i;
/** Rule 3's floor: a value such as `1` identifies nobody. */
export const SESSION_VALUE_MIN_LENGTH = 16;

export type CookiePrefix = '__Host-Http-' | '__Host-' | '__Http-' | '__Secure-';

/**
 * The cookie-name prefixes of RFC 6265bis 4.1.3 and the draft's `__Http-` / `__Host-Http-`
 * (HttpOnly required: script cannot set them), matched case-insensitively as browsers do.
 */
export function cookiePrefix(name: string): CookiePrefix | null {
  if (name.charCodeAt(0) !== 0x5f || name.charCodeAt(1) !== 0x5f) return null;
  if (startsWithIgnoreCase(name, '__host-http-')) return '__Host-Http-';
  if (startsWithIgnoreCase(name, '__host-')) return '__Host-';
  if (startsWithIgnoreCase(name, '__http-')) return '__Http-';
  if (startsWithIgnoreCase(name, '__secure-')) return '__Secure-';
  return null;
}

/** `__Host-` and `__Host-Http-` lock a cookie to its host (the A+ prefix). */
export function isHostPrefix(prefix: CookiePrefix | null): boolean {
  return prefix === '__Host-' || prefix === '__Host-Http-';
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

/** The name without its cookie prefix. */
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

export interface DefaultNameMatch {
  readonly framework: Framework;
  /** False when the name matched a default only case-insensitively (framework `unknown` then). */
  readonly exact: boolean;
}

/** The framework whose default name this is, case-exact; a case-insensitive match gives `unknown`. */
export function frameworkForDefaultName(name: string): DefaultNameMatch | null {
  const candidates = DEFAULT_NAMES_BY_LOWER.get(name.toLowerCase());
  if (candidates !== undefined) {
    const exact = candidates.find((entry) => entry.name === name);
    return exact ? { framework: exact.framework, exact: true } : { framework: 'unknown', exact: false };
  }
  if (CLASSIC_ASP_NAME.test(name)) return { framework: 'classic-asp', exact: /^ASPSESSIONID[A-Z]+$/.test(name) };
  if (RAILS_NAME.test(name)) return { framework: 'rails', exact: true };
  if (RAILS_NAME.test(name.toLowerCase())) return { framework: 'unknown', exact: false };
  // Another `<app>_session` is Laravel only with Laravel's envelope (rule 1), else rule 3 decides.
  return null;
}
