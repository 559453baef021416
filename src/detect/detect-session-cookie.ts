/**
 * Decides whether a cookie carries a session identifier, and which framework issued it
 * (rubric section 2). Rules run strongest first; the never-session list overrides them, and the
 * user's own marking overrides everything.
 */
import type { Framework } from './framework.js';
import { valueFormat } from './value-formats.js';
import {
  SESSION_NAME_PATTERN,
  frameworkForDefaultName,
  isNeverSessionName,
  withoutPrefix,
} from './session-names.js';

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
}

export type UserMark = 'session' | 'not-session';

/** A cookie no rule recognised. */
export const NOT_A_SESSION: SessionDetection = Object.freeze({ isSession: false, framework: 'unknown', reason: 'no-match', clientSide: false });

export interface DetectionContext {
  /** Names of the other cookies seen with this one (for the `<name>.sig` companion). */
  readonly siblingNames?: ReadonlySet<string>;
  /** True when the cookie was set or changed by the response to a login request (rule 4). */
  readonly setByLoginResponse?: boolean;
  /** The user's own marking in the panel; it wins over every rule. */
  readonly userMark?: UserMark;
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

export function detectSessionCookie(
  name: string,
  value: string,
  context: DetectionContext = {},
): SessionDetection {
  const framework = recognisedFramework(name, value, context.siblingNames);
  const clientSide = framework?.clientSide ?? false;
  if (context.userMark !== undefined) {
    return { isSession: context.userMark === 'session', framework: framework?.framework ?? 'unknown', reason: 'user-marked', clientSide };
  }
  if (isNeverSessionName(name) || isNeverSessionName(withoutPrefix(name))) {
    return { isSession: false, framework: 'unknown', reason: 'never-session', clientSide: false };
  }
  // A `<name>.sig` whose data cookie is in the trace is that cookie's companion (rubric 2.2).
  if (name.endsWith('.sig') && context.siblingNames?.has(name.slice(0, -4))) {
    const data = withoutPrefix(name.slice(0, -4)).toLowerCase() === 'koa.sess' ? 'koa-session' : 'cookie-session';
    return { isSession: false, framework: data, reason: 'companion', clientSide: false };
  }
  if (framework !== null) return { isSession: true, framework: framework.framework, reason: framework.reason, clientSide };
  if (context.setByLoginResponse) return { isSession: true, framework: 'unknown', reason: 'login-response', clientSide: false };
  return { isSession: false, framework: 'unknown', reason: 'no-match', clientSide: false };
}

function recognisedFramework(
  name: string,
  value: string,
  siblingNames: ReadonlySet<string> | undefined,
): { framework: Framework; reason: SessionReason; clientSide: boolean } | null {
  const bareName = withoutPrefix(name);
  const byName = frameworkForDefaultName(bareName);
  // Rule 1: a known session value format.
  if (isExpressSessionValue(value)) return { framework: 'express-session', reason: 'value-format', clientSide: false };
  if (siblingNames?.has(`${name}.sig`)) {
    const framework = bareName.toLowerCase() === 'koa.sess' ? 'koa-session' : 'cookie-session';
    return { framework, reason: 'value-format', clientSide: true };
  }
  const format = valueFormat(name, value);
  if (format !== null) {
    // A JWT names no framework by itself: the name does where rule 2 knows it (next-auth, authjs).
    const framework = format.token !== null && byName?.exact && byName.framework !== 'unknown' ? byName.framework : format.framework;
    return { framework, reason: 'value-format', clientSide: format.clientSide };
  }
  // Rule 2: case-exact for the framework; a case-insensitive match is only a name pattern.
  if (byName !== null) return { framework: byName.exact ? byName.framework : 'unknown', reason: byName.exact ? 'framework-name' : 'name-pattern', clientSide: false };
  // Rule 3: a name that says "session id".
  if (SESSION_NAME_PATTERN.test(bareName)) return { framework: 'unknown', reason: 'name-pattern', clientSide: false };
  return null;
}
