/**
 * Recognising login and logout requests (rubric section 5).
 */
import { isLogoutUrl } from '../core/logout-url.js';
import { urlParts } from '../core/trustworthy-url.js';
import type { Observation } from '../observation/observation.js';
import { memoized } from './observation-facts.js';
import { redirectChain } from './redirect-chain.js';

const PASSWORD_PARAMETER = /password|passwd|pwd|(^|[^a-z])pass([^a-z]|$)/i;
/** A path segment that names a login (rubric section 5): /login, /login.php, /users/sign_in, /api/auth/callback, /sessions/new; not /authors, not /authorize. */
const LOGIN_SEGMENT = /^(log-?in|log_in|sign-?in|sign_in|auth|authenticate|sessions?)([^a-z]|$)/i;

function hasSegment(observation: Observation, segment: RegExp): boolean {
  return urlParts(observation.url)
    .path.split('/')
    .some((part) => segment.test(part));
}

/** A POST whose body has a password-like parameter, or a POST to a login-like path (once per exchange). */
export const isLoginRequest = memoized((observation): boolean => {
  if (observation.method.toUpperCase() !== 'POST') return false;
  if (observation.requestBodyParamNames?.some((name) => PASSWORD_PARAMETER.test(name))) return true;
  return hasSegment(observation, LOGIN_SEGMENT);
});

/**
 * A login request whose response (after redirects) is not a 4xx or 5xx: a failed login shows in
 * the timeline and triggers no section 5 rule.
 */
export function isSuccessfulLogin(observations: readonly Observation[], index: number): boolean {
  const observation = observations[index] as Observation;
  if (!isLoginRequest(observation)) return false;
  const chain = redirectChain(observations, index);
  const final = observations[chain[chain.length - 1] as number] as Observation;
  return final.status < 400;
}

/** Any request to a logout-like path (once per exchange). */
export const isLogoutRequest = memoized((observation): boolean => isLogoutUrl(observation.url));
