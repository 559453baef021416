import { MAX_LIFETIME_SECONDS } from '../core/cookie-lifetime.js';
import { defineCookieRule, type CookieRule } from './cookie-rule.js';
import type { FixAdvice } from './fix-advice.js';

export const LIFETIME_ADVICE: FixAdvice = {
  'express-session':
    'Shorten `cookie.maxAge` (milliseconds, e.g. `30 * 60 * 1000`) and use `rolling: true` to extend it while the user is active, or leave `maxAge` unset for a browser-session cookie.',
  'cookie-session': 'Lower `maxAge` (milliseconds) in `cookieSession({ ... })`, or leave it unset for a browser-session cookie.',
  'koa-session': "Lower `maxAge` (milliseconds) in the options, or set `maxAge: 'session'`.",
  '@fastify/session': 'Lower `cookie: { maxAge }` (milliseconds), or leave it unset for a browser-session cookie.',
  php: 'Set `session.cookie_lifetime = 0` (browser session) and a short `session.gc_maxlifetime`.',
  django: 'Lower `SESSION_COOKIE_AGE` (seconds) or set `SESSION_EXPIRE_AT_BROWSER_CLOSE = True`.',
  flask: "Lower `app.config['PERMANENT_SESSION_LIFETIME']`, or leave `session.permanent` False.",
  rails: 'Pass a short `expire_after:` (e.g. `30.minutes`) to `config.session_store`.',
  laravel: "Lower `'lifetime'` (minutes) or set `'expire_on_close' => true` in config/session.php.",
  'asp.net-core': 'Lower `options.IdleTimeout` and leave `options.Cookie.MaxAge` unset.',
  'java-servlet': 'Set a short `<session-timeout>` and `<max-age>-1</max-age>` in `<cookie-config>`.',
  'spring-session': 'Lower `server.servlet.session.timeout` and leave `server.servlet.session.cookie.max-age` unset.',
};

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** "3 h", "2.5 days": a lifetime a person can read. */
export function formatDuration(seconds: number): string {
  if (seconds < 2 * HOUR) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * DAY) return `${Math.round((seconds / HOUR) * 10) / 10} h`;
  return `${Math.round((seconds / DAY) * 10) / 10} days`;
}

/** A lifetime tier: it fires for a lifetime over `above` seconds, up to `upTo`, and says `why`. */
interface LifetimeTier extends Pick<CookieRule, 'id' | 'deduction' | 'doc'> {
  readonly above: number;
  readonly upTo: number;
  readonly why: string;
}

/** What every lifetime finding's Copy button gives for express-session: a short, rolling session. */
const SHORT_LIFETIME_SNIPPET = 'cookie: { maxAge: 30 * 60 * 1000 },\nrolling: true,';

function lifetimeRule({ id, deduction, doc, above, upTo, why }: LifetimeTier): CookieRule {
  return defineCookieRule({
    id,
    deduction,
    cap: null,
    evidence: ['set', 'store'],
    doc,
    snippet: SHORT_LIFETIME_SNIPPET,
    explain: ({ lifetimeSeconds }) =>
      lifetimeSeconds !== null && lifetimeSeconds > above && lifetimeSeconds <= upTo ? `The cookie lives ${formatDuration(lifetimeSeconds)}: ${why}` : null,
    fix: LIFETIME_ADVICE,
  });
}

/** `lifetime-hour`: more than an hour, up to a day. Source: ZAP 40013 (low tier). */
export const lifetimeHour = lifetimeRule({
  id: 'lifetime-hour',
  deduction: 5,
  above: HOUR,
  upTo: DAY,
  why: 'a stolen id stays usable for hours.',
  doc: {
    when: 'Lifetime over 1 hour, up to 1 day.',
    why: 'A stolen id stays useful for that long.',
    sources: 'ZAP 40013 (low tier)',
  },
});

/** `lifetime-day`: more than a day, up to a week. Sources: ZAP 40013 (medium), OWASP timeouts. */
export const lifetimeDay = lifetimeRule({
  id: 'lifetime-day',
  deduction: 10,
  above: DAY,
  upTo: WEEK,
  why: 'a stolen id stays usable for days.',
  doc: {
    when: 'Lifetime over 1 day, up to 7 days.',
    why: 'A stolen id stays useful for days.',
    sources: 'ZAP 40013 (medium tier); OWASP Session Management (timeouts)',
  },
});

/** `lifetime-week`: more than a week. Sources: ZAP 40013 (high), ASVS 4 3.3.2. */
export const lifetimeWeek = lifetimeRule({
  id: 'lifetime-week',
  deduction: 20,
  above: WEEK,
  upTo: Number.POSITIVE_INFINITY,
  why: 'a session that outlives a week survives on shared and lost devices.',
  doc: {
    when: 'Lifetime over 7 days.',
    why: 'A stolen id stays useful for weeks.',
    sources: 'ZAP 40013 (high tier); ASVS 4 3.3.2',
  },
});

/**
 * `lifetime-over-cap`: over 400 days; browsers shorten it, so the server's intent is not what
 * happens. Sources: RFC 6265bis 5.5 (400-day cap), Chrome since M104.
 */
export const lifetimeOverCap = defineCookieRule({
  id: 'lifetime-over-cap',
  deduction: 5,
  cap: null,
  evidence: ['set', 'store'],
  doc: {
    when: 'Lifetime over 400 days (besides lifetime-week).',
    why: 'Browsers shorten it to 400 days: the lifetime you set is not the one you get.',
    sources: 'RFC 6265bis 5.5 (400-day cap); Chrome since M104',
  },
  snippet: SHORT_LIFETIME_SNIPPET,
  explain: ({ lifetimeSeconds }) =>
    lifetimeSeconds !== null && lifetimeSeconds > MAX_LIFETIME_SECONDS
      ? `The lifetime of ${formatDuration(lifetimeSeconds)} is over the browsers' 400-day cap: they shorten it.`
      : null,
  fix: LIFETIME_ADVICE,
});
