/**
 * Decides whether a cookie carries a session identifier, and which framework issued it
 * (rubric section 2). Rules run strongest first; the never-session list overrides them, and the
 * user's own marking overrides everything.
 */
import type { Framework } from './framework.js';
import { databaseNeverSessionCookie, isCsrfName, rubricNeverSessionCookie, type NeverSessionCookie } from './never-session.js';
import { productSessionCookie, vendorNeverSessionCookie } from './product-cookies.js';
import { valueFormat, type ValueFormat } from './value-formats.js';
import { SESSION_NAME_PATTERN, SESSION_VALUE_MIN_LENGTH, frameworkForDefaultName, withoutPrefix, type DefaultNameMatch } from './session-names.js';

/** Which rule of rubric section 2 decided. */
export type SessionReason =
  | 'value-format'
  | 'framework-name'
  | 'name-pattern'
  | 'login-response'
  | 'never-session'
  | 'user-marked'
  /** A `<name>.sig` signature companion of a cookie in the trace (rubric 2.2): no letter of its own. */
  | 'companion'
  | 'no-match';

export interface SessionDetection {
  readonly isSession: boolean;
  readonly framework: Framework;
  readonly reason: SessionReason;
  /** The session data travels in the cookie itself (rubric 2.2): logout cannot revoke a copy. */
  readonly clientSide: boolean;
  /** Why, in a few words a card shows: the format, the default name, the vendor of a ruled-out cookie. */
  readonly why: string;
}

export type UserMark = 'session' | 'not-session';

/** A cookie no rule recognised. */
export const NOT_A_SESSION: SessionDetection = Object.freeze({
  isSession: false,
  framework: 'unknown',
  reason: 'no-match',
  clientSide: false,
  why: 'no rule matched',
});

export interface DetectionContext {
  /** Names of the other cookies seen with this one (for the `<name>.sig` companion). */
  readonly siblingNames?: ReadonlySet<string>;
  /** True when the cookie was set or changed by the response to a login request (rule 4). */
  readonly setByLoginResponse?: boolean;
  /** The user's own marking in the panel; it wins over every rule. */
  readonly userMark?: UserMark;
  /** The length of the cookie's longest value in the trace (rule 3 needs one of 16+ characters). */
  readonly longestValueLength?: number;
  /** The registrable domain of the cookie's domain: products' own cookies are known per site. */
  readonly cookieSite?: string;
}

/** express-session's signed value: `s:<id>.<signature>`, URL-encoded as `s%3A...` on the wire. */
export function isExpressSessionValue(value: string): boolean {
  if (value.charCodeAt(0) !== 0x73) return false;
  let idStart: number;
  if (value.charCodeAt(1) === 0x3a) idStart = 2;
  else if (value.charCodeAt(1) === 0x25 && value.charCodeAt(2) === 0x33 && (value.charCodeAt(3) | 0x20) === 0x61) idStart = 4;
  else return false;
  const dot = value.lastIndexOf('.');
  return dot > idStart && dot < value.length - 1;
}

const FORMAT_WORDS: Partial<Record<Framework, string>> = {
  'express-session': "express-session's signed value (s:<id>.<signature>)",
  'cookie-session': 'a cookie-session data cookie with its .sig companion',
  'koa-session': 'a koa-session data cookie with its .sig companion',
  flask: "Flask's signed session (<payload>.<timestamp>.<signature>)",
  django: "Django's signed cookie (<payload>:<timestamp>:<signature>)",
  rails: "Rails' cookie store (<data>--<iv>--<tag>)",
  laravel: "Laravel's encrypted envelope (iv, value, mac)",
};

function session(framework: Framework, reason: SessionReason, clientSide: boolean, why: string): SessionDetection {
  return { isSession: true, framework, reason, clientSide, why };
}

/**
 * Rule 1's framework formats and rule 2's case-exact names: what no never-session entry overrides
 * (rubric 2.1: Django's `sessionid` stays a session although the database lists it for Instagram).
 */
function frameworkEvidence(
  name: string,
  value: string,
  context: DetectionContext,
  format: ValueFormat | null,
  byName: DefaultNameMatch | null,
): SessionDetection | null {
  const { siblingNames } = context;
  if (isExpressSessionValue(value)) return session('express-session', 'value-format', false, FORMAT_WORDS['express-session'] as string);
  if (siblingNames?.has(`${name}.sig`)) {
    const framework = withoutPrefix(name).toLowerCase() === 'koa.sess' ? 'koa-session' : 'cookie-session';
    return session(framework, 'value-format', true, FORMAT_WORDS[framework] as string);
  }
  if (format !== null && format.token === null)
    return session(format.framework, 'value-format', format.clientSide, FORMAT_WORDS[format.framework] ?? 'a session value format');
  // A JWT names no framework by itself: a case-exact default name does (next-auth, authjs).
  if (format !== null && byName?.exact && byName.framework !== 'unknown')
    return session(byName.framework, 'value-format', format.clientSide, tokenWords(format));
  if (byName?.exact) return session(byName.framework, 'framework-name', false, `${withoutPrefix(name)} is ${frameworkWords(byName.framework)}'s default name`);
  const product = productSessionCookie(withoutPrefix(name), context.cookieSite);
  if (product !== null) return session('unknown', 'framework-name', false, `${product.product}'s ${product.what}`);
  return null;
}

function tokenWords(format: ValueFormat): string {
  return format.token === 'jwe' ? 'a JWE (an encrypted token)' : 'a JWS (a signed token)';
}

function frameworkWords(framework: Framework): string {
  return framework === 'unknown' ? 'a common session' : framework;
}

function ruledOut(entry: NeverSessionCookie): SessionDetection {
  const why = entry.source === 'open-cookie-database' ? `${entry.description} (Open Cookie Database)` : entry.description;
  return { isSession: false, framework: 'unknown', reason: 'never-session', clientSide: false, why };
}

export function detectSessionCookie(name: string, value: string, context: DetectionContext = {}): SessionDetection {
  const bareName = withoutPrefix(name);
  const byName = frameworkForDefaultName(bareName);
  const format = valueFormat(name, value);
  const evidence = frameworkEvidence(name, value, context, format, byName);
  if (context.userMark !== undefined) {
    // The user's mark wins; what the rules make of the cookie still names its framework.
    const unmarked = detectSessionCookie(name, value, { ...context, userMark: undefined });
    const marked = context.userMark === 'session';
    return {
      isSession: marked,
      framework: unmarked.framework,
      reason: 'user-marked',
      clientSide: unmarked.clientSide,
      why: `marked ${marked ? 'a session' : 'not a session'} by you`,
    };
  }
  // A `<name>.sig` whose data cookie is in the trace is that cookie's companion (rubric 2.2).
  if (name.endsWith('.sig') && context.siblingNames?.has(name.slice(0, -4))) {
    const data = withoutPrefix(name.slice(0, -4)).toLowerCase() === 'koa.sess' ? 'koa-session' : 'cookie-session';
    return { isSession: false, framework: data, reason: 'companion', clientSide: false, why: `the signature of ${name.slice(0, -4)}` };
  }
  // The rubric's own never-session names and the vendors' cookies added to them win over every
  // rule; the Open Cookie Database's, over every rule but framework formats and default names.
  const vendor = vendorNeverSessionCookie(bareName, context.cookieSite);
  if (vendor !== null) return ruledOut({ description: `${vendor.product}'s ${vendor.what}`, source: 'vendor' });
  const listed = rubricNeverSessionCookie(name) ?? rubricNeverSessionCookie(bareName);
  if (listed !== null) return ruledOut(listed);
  if (evidence !== null) return evidence;
  const database = databaseNeverSessionCookie(name) ?? databaseNeverSessionCookie(bareName);
  if (database !== null) return ruledOut(database);
  if (format !== null) {
    if (isCsrfName(bareName)) return ruledOut({ description: 'CSRF token (a JWT)', source: 'rubric' });
    return session(format.framework, 'value-format', format.clientSide, tokenWords(format));
  }
  // Rule 2 matched only case-insensitively: a session cookie of no known framework.
  if (byName !== null) return session('unknown', 'name-pattern', false, `${bareName} is a default session name in another case`);
  // Rule 3: a name that says "session", and a value long enough to identify someone.
  if (SESSION_NAME_PATTERN.test(bareName) && Math.max(value.length, context.longestValueLength ?? 0) >= SESSION_VALUE_MIN_LENGTH) {
    return session('unknown', 'name-pattern', false, `the name says session and a value has ${SESSION_VALUE_MIN_LENGTH}+ characters`);
  }
  if (context.setByLoginResponse) return session('unknown', 'login-response', false, 'set by the response to a login');
  return NOT_A_SESSION;
}
