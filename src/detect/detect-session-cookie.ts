/**
 * Decides whether a cookie carries a session identifier, and which framework issued it
 * (rubric section 2). Rules run strongest first; the never-session list overrides them, and the
 * user's own marking overrides everything.
 */
import type { Framework } from './framework.js';
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
  | 'no-match';

export interface SessionDetection {
  readonly isSession: boolean;
  readonly framework: Framework;
  readonly reason: SessionReason;
}

export type UserMark = 'session' | 'not-session';

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
  if (context.userMark !== undefined) {
    return {
      isSession: context.userMark === 'session',
      framework: framework?.framework ?? 'unknown',
      reason: 'user-marked',
    };
  }
  if (isNeverSessionName(name) || isNeverSessionName(withoutPrefix(name))) {
    return { isSession: false, framework: 'unknown', reason: 'never-session' };
  }
  if (framework !== null) return { isSession: true, ...framework };
  if (context.setByLoginResponse) return { isSession: true, framework: 'unknown', reason: 'login-response' };
  return { isSession: false, framework: 'unknown', reason: 'no-match' };
}

function recognisedFramework(
  name: string,
  value: string,
  siblingNames: ReadonlySet<string> | undefined,
): { framework: Framework; reason: SessionReason } | null {
  const bareName = withoutPrefix(name);
  // Rule 1: a known session value format.
  if (isExpressSessionValue(value)) return { framework: 'express-session', reason: 'value-format' };
  if (siblingNames?.has(`${name}.sig`)) {
    const framework = bareName.toLowerCase() === 'koa.sess' ? 'koa-session' : 'cookie-session';
    return { framework, reason: 'value-format' };
  }
  // Rule 2: a framework's default name.
  // Rule 2: case-exact for the framework; a case-insensitive match is only a name pattern.
  const byName = frameworkForDefaultName(bareName);
  if (byName !== null) return byName.exact ? { framework: byName.framework, reason: 'framework-name' } : { framework: 'unknown', reason: 'name-pattern' };
  // Rule 3: a name that says "session id".
  if (SESSION_NAME_PATTERN.test(bareName)) return { framework: 'unknown', reason: 'name-pattern' };
  return null;
}
