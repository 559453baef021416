import { isLoginRequest, isSuccessfulLogin } from '../login-logout.js';
import { redirectChain } from '../redirect-chain.js';
import { defineTraceRule, type TraceSoFar } from '../trace-rule.js';

export type LoginOutcome = 'rotated' | 'not-rotated';

/** The login requests that carried the cookie, with the value each carried. */
export type CarriedLogins = { index: number; value: string }[];

/**
 * What each login in the trace did to the session id it was sent with: rotated when a response
 * of the login's redirect chain set a new value; not rotated when a later request still carried
 * the old one. A login sent without the cookie, a failed one, or one with nothing after it, proves
 * neither. Decided at the end: a login's redirects and the requests after it come later.
 */
export function loginOutcomes(logins: CarriedLogins, trace: TraceSoFar): LoginOutcome[] {
  return judgedLogins(logins, trace).map((login) => login.outcome);
}

/** Each login that proved something, with the value it carried. */
function judgedLogins(logins: CarriedLogins, { observations, setAt, lastCarriedAt }: TraceSoFar): { value: string; outcome: LoginOutcome }[] {
  const judged: { value: string; outcome: LoginOutcome }[] = [];
  for (const { index, value } of logins) {
    if (!isSuccessfulLogin(observations, index)) continue;
    const chain = redirectChain(observations, index);
    if (
      chain.some((hop) => {
        const effect = setAt(hop);
        return effect !== undefined && !effect.deletion && effect.value !== value;
      })
    ) {
      judged.push({ value, outcome: 'rotated' });
    } else if (lastCarriedAt(value) > index) {
      judged.push({ value, outcome: 'not-rotated' });
    }
  }
  return judged;
}

/**
 * True when the cookie holds another id now than every login that kept its id: a response set a
 * new value after the last request that sent the kept one (the site's cookies were cleared, say).
 * The finding then concerns an earlier id, and the card must say so, or it reads as if the id
 * shown now had been through a login.
 */
function aboutAnEarlierId(keptValues: readonly string[], { observations, setAt, lastCarriedAt }: TraceSoFar): boolean {
  for (let index = observations.length - 1; index >= 0; index--) {
    const effect = setAt(index);
    if (effect === undefined || effect.deletion) continue;
    return keptValues.every((value) => effect.value !== value && index > lastCarriedAt(value));
  }
  return false;
}

/**
 * `no-rotation-on-login`: a login request carried session id V and, after its response (following
 * redirects), requests still carry V: an attacker who planted V is now logged in (session
 * fixation). Sources: OWASP Session Management (mandatory), ASVS 4 3.2.1, ASVS 5 7.2.4, ZAP 40013.
 */
export const noRotationOnLogin = defineTraceRule<CarriedLogins>({
  id: 'no-rotation-on-login',
  deduction: 40,
  cap: 'D',
  doc: {
    when: 'A successful login carried a session id, and requests after it still carry the same id.',
    why: 'An attacker who planted that id before the login is now logged in as the user (session fixation).',
    sources: 'OWASP Session Management (mandatory); ASVS 4 3.2.1; ASVS 5 7.2.4; ZAP 40013',
  },
  snippet: 'req.session.regenerate((err) => {\n  if (err) return next(err);\n  req.session.user = user;\n  req.session.save(next);\n});',
  start: () => [],
  step: (logins, { index, observation, carried }) => {
    if (carried !== undefined && isLoginRequest(observation)) logins.push({ index, value: carried });
  },
  explain: (logins, trace) => {
    const kept = judgedLogins(logins, trace).flatMap((login) => (login.outcome === 'not-rotated' ? [login.value] : []));
    if (kept.length === 0) return null;
    const finding =
      'The session id sent with the login request was still in use after the login: it was not rotated, so a planted id becomes a logged-in session (session fixation).';
    return aboutAnEarlierId(kept, trace)
      ? `${finding} This is about an earlier id of this cookie: the id it holds now was set later (after the site's cookies were cleared, for example) and has not been through a login yet.`
      : finding;
  },
  fix: {
    'express-session': 'Call `req.session.regenerate(callback)` after checking the password, then set the user on the new session.',
    php: 'Call `session_regenerate_id(true)` right after a successful login.',
    django: 'Log users in with `django.contrib.auth.login()`, which rotates the key (`request.session.cycle_key()`).',
    flask: 'Call `session.clear()` before storing the user, and use a server-side session that issues a new id.',
    rails: 'Call `reset_session` before setting `session[:user_id]`.',
    laravel: 'Call `$request->session()->regenerate()` after `Auth::attempt()` succeeds.',
    'asp.net-core': 'Clear the session (`HttpContext.Session.Clear()`) and issue a new session cookie at sign-in.',
    'java-servlet': 'Call `request.changeSessionId()` after authentication (Servlet 3.1).',
    'spring-session': "Keep Spring Security's session fixation protection on: `sessionManagement().sessionFixation().changeSessionId()`.",
  },
});
