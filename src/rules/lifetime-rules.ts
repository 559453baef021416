import { MAX_LIFETIME_SECONDS } from '../core/cookie-lifetime.js';
import { defineCookieRule, type CookieRule } from './cookie-rule.js';
import { LIFETIME_ADVICE } from './fix-advice.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** "3 h", "2.5 days": a lifetime a person can read. */
export function formatDuration(seconds: number): string {
  if (seconds < 2 * HOUR) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * DAY) return `${Math.round((seconds / HOUR) * 10) / 10} h`;
  return `${Math.round((seconds / DAY) * 10) / 10} days`;
}

function lifetimeRule(id: string, deduction: number, above: number, upTo: number, why: string): CookieRule {
  return defineCookieRule({
    id,
    deduction,
    cap: null,
    explain: ({ lifetimeSeconds }) =>
      lifetimeSeconds !== null && lifetimeSeconds > above && lifetimeSeconds <= upTo
        ? `The cookie lives ${formatDuration(lifetimeSeconds)}: ${why}`
        : null,
    fix: LIFETIME_ADVICE,
  });
}

/** `lifetime-hour`: more than an hour, up to a day. Source: ZAP 40013 (low tier). */
export const lifetimeHour = lifetimeRule('lifetime-hour', 5, HOUR, DAY, 'a stolen id stays usable for hours.');

/** `lifetime-day`: more than a day, up to a week. Sources: ZAP 40013 (medium), OWASP timeouts. */
export const lifetimeDay = lifetimeRule('lifetime-day', 10, DAY, WEEK, 'a stolen id stays usable for days.');

/** `lifetime-week`: more than a week. Sources: ZAP 40013 (high), ASVS 4 3.3.2. */
export const lifetimeWeek = lifetimeRule(
  'lifetime-week',
  20,
  WEEK,
  Number.POSITIVE_INFINITY,
  'a session that outlives a week survives on shared and lost devices.',
);

/**
 * `lifetime-over-cap`: over 400 days; browsers shorten it, so the server's intent is not what
 * happens. Sources: RFC 6265bis 5.5 (400-day cap), Chrome since M104.
 */
export const lifetimeOverCap = defineCookieRule({
  id: 'lifetime-over-cap',
  deduction: 5,
  cap: null,
  explain: ({ lifetimeSeconds }) =>
    lifetimeSeconds !== null && lifetimeSeconds > MAX_LIFETIME_SECONDS
      ? `The lifetime of ${formatDuration(lifetimeSeconds)} is over the browsers' 400-day cap: they shorten it.`
      : null,
  fix: LIFETIME_ADVICE,
});
