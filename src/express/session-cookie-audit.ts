/**
 * `app.use(sessionCookieAudit())`: grades every distinct Set-Cookie your Express app sends, by the
 * same rubric as the panel and the CLI, and logs one line per cookie (its name, grade, worst
 * findings and the express-session fix). Once per cookie name and attribute set, never per
 * request; never a value; never a change to the response. `failUnder` turns a weak cookie into
 * an error thrown where the response is sent, so a test suite fails on it.
 *
 *   import { sessionCookieAudit } from 'session-cookie-inspector/express';
 *   app.use(sessionCookieAudit({ failUnder: process.env.CI ? 'B' : undefined }));
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import onHeaders from 'on-headers';
import { cookieLifetimeSeconds } from '../core/cookie-lifetime.js';
import { isWorse, LETTERS, type Letter } from '../core/letter.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { gradeObservations } from '../grade/grade-observations.js';
import type { HttpHeader } from '../observation/observation.js';
import { buildJsonReport, type ReportCookie } from '../report/json-report.js';

export interface SessionCookieAuditOptions {
  /** Default: on unless NODE_ENV is `production`. Off, the middleware is a bare pass-through. */
  readonly enabled?: boolean;
  /** Where the lines go. Default: console.warn. */
  readonly logger?: (line: string) => void;
  /** Throw (where the response is sent) when a session cookie grades below this letter. */
  readonly failUnder?: Letter;
  /** How many distinct cookies to remember before forgetting the oldest. Default 1000. */
  readonly remember?: number;
}

/** Thrown with `failUnder`: names the cookie, its grade and its findings. */
export class SessionCookieAuditError extends Error {
  constructor(
    readonly cookie: string,
    readonly grade: Letter,
    readonly findings: readonly string[],
  ) {
    super(`session cookie ${cookie} grades ${grade}: ${findings.join(', ') || 'no findings'}`);
    this.name = 'SessionCookieAuditError';
  }
}

const PASS_THROUGH: RequestHandler = (_req, _res, next) => next();
/** Response headers that grading reads besides Set-Cookie (rubric section 1). */
const GRADED_HEADERS = ['cache-control', 'strict-transport-security', 'date', 'location'];

/**
 * What makes two Set-Cookie lines "the same cookie" here: name and attributes, with Expires
 * reduced to the lifetime it gives (to the minute), since express-session's maxAge writes a new
 * Expires date on every response.
 */
function attributeKey(line: string, now: number): string {
  const cookie = parseSetCookie(line);
  const lifetime = cookieLifetimeSeconds(cookie, now);
  return JSON.stringify([
    cookie.name, cookie.secure, cookie.httpOnly, cookie.sameSite, cookie.domain, cookie.path, cookie.partitioned,
    cookie.priority, cookie.maxAge, cookie.expires === null ? null : Math.round((lifetime ?? 0) / 60),
  ]);
}

function headerLines(res: Response, name: string): string[] {
  const value = res.getHeader(name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Severity for "worst first": capped findings by their cap, then by deduction. */
function severity(finding: ReportCookie['findings'][number]): number {
  // LETTERS runs best to worst: a later cap is a worse one; no cap ranks below every cap.
  const cap = finding.cap === null ? 0 : LETTERS.indexOf(finding.cap);
  return cap * 1000 + finding.deduction;
}

/** One line per cookie: name, grade, the worst findings, the express-session fix of the worst. */
export function auditLine(cookie: ReportCookie): string {
  const worst = [...cookie.findings].sort((a, b) => severity(b) - severity(a));
  const ids = worst.slice(0, 3).map((finding) => finding.id + (finding.cap ? ` (cap ${finding.cap})` : ''));
  const more = worst.length > 3 ? ` and ${worst.length - 3} more` : '';
  const fix = worst[0]?.fix['express-session'];
  return `session-cookie-inspector: ${cookie.name} grade ${cookie.grade ?? 'none'}${ids.length ? `: ${ids.join(', ')}${more}` : ''}${fix ? `. Fix: ${fix}` : ''}`;
}

export function sessionCookieAudit(options: SessionCookieAuditOptions = {}): RequestHandler {
  const enabled = options.enabled ?? process.env.NODE_ENV !== 'production';
  if (!enabled) return PASS_THROUGH;
  const log = options.logger ?? ((line: string) => console.warn(line));
  const remember = options.remember ?? 1000;
  const seen = new Set<string>();

  const audit = (req: Request, res: Response) => {
    const lines = headerLines(res, 'set-cookie');
    if (lines.length === 0) return;
    const now = Date.now();
    const fresh = lines.filter((line) => !seen.has(attributeKey(line, now)));
    if (fresh.length === 0) return;
    for (const line of fresh) {
      seen.add(attributeKey(line, now));
      if (seen.size > remember) seen.delete(seen.values().next().value as string);
    }
    // req.protocol follows `trust proxy`, as express-session's own `secure` check does.
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
    const headers: HttpHeader[] = [
      ...GRADED_HEADERS.flatMap((name) => headerLines(res, name).map((value) => ({ name, value }))),
      ...fresh.map((value) => ({ name: 'Set-Cookie', value })),
    ];
    const trace = gradeObservations([
      { url, method: req.method, requestHeaders: [], requestBodyParamNames: null, status: res.statusCode, responseHeaders: headers, time: now },
    ]);
    // The JSON report masks every value: the lines never carry one.
    const report = buildJsonReport(url, trace);
    for (const cookie of report.cookies) {
      if (!cookie.session.isSession || cookie.deletion) continue;
      log(auditLine(cookie));
      const grade = cookie.grade;
      if (options.failUnder !== undefined && grade !== null && grade !== 'unknown' && isWorse(grade, options.failUnder)) {
        throw new SessionCookieAuditError(cookie.name, grade, cookie.findings.map((finding) => finding.id));
      }
    }
  };

  return (req: Request, res: Response, next: NextFunction) => {
    onHeaders(res, () => audit(req, res));
    next();
  };
}
