/** Builds the context a rule sees from a Set-Cookie line and a response, as the grader does. */
import { browserOutcomes } from '../../src/browsers/browser-outcomes.js';
import { parseSetCookie } from '../../src/core/parse-set-cookie.js';
import { detectSessionCookie } from '../../src/detect/detect-session-cookie.js';
import { cookieRuleContext } from '../../src/grade/grade-set-cookie.js';
import { responseContext } from '../../src/core/response-context.js';
import type { Observation } from '../../src/observation/observation.js';
import type { CookieRule, CookieRuleContext } from '../../src/rules/cookie-rule.js';

export const FIXED_TIME = Date.UTC(2026, 0, 1, 12, 0, 0);

export interface ResponseShape {
  readonly url?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly otherValues?: readonly string[];
}

export function observationWith(setCookies: readonly string[], shape: ResponseShape = {}): Observation {
  return {
    url: shape.url ?? 'https://app.example.com/',
    method: shape.method ?? 'GET',
    requestHeaders: [],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [
      ...Object.entries(shape.headers ?? {}).map(([name, value]) => ({ name, value })),
      ...setCookies.map((value) => ({ name: 'Set-Cookie', value })),
    ],
    time: FIXED_TIME,
  };
}

export function contextFor(setCookie: string, shape: ResponseShape = {}): CookieRuleContext {
  const cookie = parseSetCookie(setCookie);
  const response = responseContext(observationWith([setCookie], shape));
  return cookieRuleContext(cookie, response, detectSessionCookie(cookie.name, cookie.value), shape.otherValues, browserOutcomes(cookie, response));
}

/** The rule's explanation for this line, or null when it does not fire. */
export function explain(rule: CookieRule, setCookie: string, shape: ResponseShape = {}): string | null {
  return rule.explain(contextFor(setCookie, shape));
}

/** A 32-character base64url id: 192 bits by the rubric's estimate. */
export const STRONG_ID = 'Xk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd';
