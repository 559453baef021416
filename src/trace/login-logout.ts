/**
 * Recognising login and logout requests (rubric section 5).
 */
import { urlParts } from '../core/trustworthy-url.js';
import type { Observation } from '../observation/observation.js';

const PASSWORD_PARAMETER = /password|passwd|pwd|(^|[^a-z])pass([^a-z]|$)/i;
const LOGIN_PATH = /\/(log-?in|sign-?in|auth|session)/i;
const LOGOUT_PATH = /\/(log-?out|sign-?out|logoff)/i;

/** A POST whose body has a password-like parameter, or a POST to a login-like path. */
export function isLoginRequest(observation: Observation): boolean {
  if (observation.method.toUpperCase() !== 'POST') return false;
  if (observation.requestBodyParamNames?.some((name) => PASSWORD_PARAMETER.test(name))) return true;
  return LOGIN_PATH.test(urlParts(observation.url).path);
}

/** Any request to a logout-like path. */
export function isLogoutRequest(observation: Observation): boolean {
  return LOGOUT_PATH.test(urlParts(observation.url).path);
}
