/**
 * `app.use(sessionCookieAudit())`: grades every distinct Set-Cookie your Express app sends, by the
 * same rubric as the panel and the CLI, and logs one line per cookie (its name, grade, worst
 * findings and the express-session fix). Once per cookie name and attribute set, never per
 * request; never a value. After the response it also checks the cookie's signature against the
 * publicly known secrets (`keyboard cat`, ...), and logs F when one verifies.
 *
 * With `failUnder`, a response that sets a weaker session cookie is held back: the middleware
 * answers 500 itself, without that Set-Cookie, with a body that names the cookie and its grade,
 * and hands a `SessionCookieAuditError` to the app's error handler when it has one. That works
 * however the route answers (at once, from a timer or a callback, with any session store), and
 * never throws into code that would not catch it.
 *
 * With NODE_ENV=production it only warns, once, when express-session keeps its sessions in its
 * MemoryStore (unless `enabled: true` turns the grading on there too).
 *
 *   import { sessionCookieAudit } from 'session-cookie-inspector/express';
 *   app.use(sessionCookieAudit({ failUnder: process.env.CI ? 'B' : undefined }));
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import onHeaders from 'on-headers';
import { cookieLifetimeSeconds } from '../core/cookie-lifetime.js';
import { isWorse, LETTERS, type Letter } from '../core/letter.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { gradeInventory } from '../grade/grade-observations.js';
import { buildCookieInventory, type CookieInventory } from '../inventory/cookie-inventory.js';
import type { HttpHeader, Observation } from '../observation/observation.js';
import { buildJsonReport, type ReportCookie } from '../report/json-report.js';
import { createKnownSecretChecker, isSecretMatch, type KnownSecretChecker } from '../secrets/known-secret-check.js';
import { valuesToCheck } from '../secrets/values-to-check.js';

export interface SessionCookieAuditOptions {
  /**
   * Default: on unless NODE_ENV is `production`, where it only checks, once, that express-session
   * does not keep its sessions in its MemoryStore. `false`: a bare pass-through.
   */
  readonly enabled?: boolean;
  /** Where the lines go. Default: console.warn. */
  readonly logger?: (line: string) => void;
  /**
   * Hold back (answer 500 instead of) a response that sets a session cookie graded below this
   * letter. A cookie whose secret the known-secrets check finds after its first response fails the
   * responses that set it from then on.
   */
  readonly failUnder?: Letter;
  /** How many distinct cookies to remember before forgetting the oldest. Default 1000. */
  readonly remember?: number;
  /** Check signatures against the publicly known secrets, after the response. Default true. */
  readonly checkSecrets?: boolean;
}

/** What `failUnder` hands the app's error handler: names the cookie, its grade and its findings. */
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

/** Logged once when express-session keeps its sessions in its MemoryStore with NODE_ENV=production. */
export const MEMORY_STORE_WARNING =
  'session-cookie-inspector: express-session keeps its sessions in MemoryStore with NODE_ENV=production: it is not designed for a production environment (it leaks memory, forgets every session when the process restarts, and is not shared between processes). Fix: give session() a database store, e.g. connect-session-sequelize (Sequelize) or connect-redis: app.use(session({ store: new SequelizeStore({ db: sequelize }), ... })).';

/** express-session's MemoryStore (or a subclass), told by its constructors' names: this module never loads express-session. */
function isMemoryStore(store: unknown): boolean {
  for (let proto: unknown = Object.getPrototypeOf(store); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if ((proto as { constructor?: { name?: unknown } }).constructor?.name === 'MemoryStore') return true;
  }
  return false;
}

/**
 * Once a response has finished, `req.sessionStore` is the store express-session used (it sets it
 * after this middleware has run): logs MEMORY_STORE_WARNING once if it is MemoryStore. Checks until
 * a request has gone through express-session, then never again.
 */
function watchMemoryStore(log: (line: string) => void): (req: Request, res: Response) => void {
  let checked = false;
  return (req, res) => {
    if (checked) return;
    res.once('finish', () => {
      const store = (req as Request & { sessionStore?: unknown }).sessionStore;
      if (checked || typeof store !== 'object' || store === null) return;
      checked = true;
      if (isMemoryStore(store)) log(MEMORY_STORE_WARNING);
    });
  };
}
/** Response headers that grading reads besides Set-Cookie (rubric section 1). */
const GRADED_HEADERS = ['cache-control', 'strict-transport-security', 'date', 'location'];
/** Thrown by the headers listener inside this middleware's own write()/end(), which catch it: the response is held back. */
const HELD_BACK = Symbol('held back by sessionCookieAudit');

/**
 * What makes two Set-Cookie lines "the same cookie" here: name and attributes, with Expires
 * reduced to the lifetime it gives (to the minute), since express-session's maxAge writes a new
 * Expires date on every response.
 */
function attributeKey(line: string, now: number): string {
  const cookie = parseSetCookie(line);
  const lifetime = cookieLifetimeSeconds(cookie, now);
  return JSON.stringify([
    cookie.name,
    cookie.secure,
    cookie.httpOnly,
    cookie.sameSite,
    cookie.domain,
    cookie.path,
    cookie.partitioned,
    cookie.priority,
    cookie.maxAge,
    cookie.expires === null ? null : Math.round((lifetime ?? 0) / 60),
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

/** A session cookie below `failUnder`: what the held-back response and the error name. */
interface Failure {
  readonly cookie: string;
  readonly grade: Letter;
  readonly findings: readonly string[];
}

/** The body of a held-back response: each failing cookie's name, grade and findings (never a value). */
function heldBackBody(failures: readonly Failure[], failUnder: Letter): string {
  const lines = failures.map(
    (failure) => `session cookie ${failure.cookie} grades ${failure.grade}, below failUnder ${failUnder}: ${failure.findings.join(', ') || 'no findings'}`,
  );
  return `session-cookie-inspector held this response back.\n${lines.join('\n')}\n`;
}

/** Makes the response about to be sent a complete 500 of `body`: none of the app's headers (so none of its Set-Cookie) remain. */
function replaceWith500(res: Response, body: string): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = 500;
  res.statusMessage = 'Internal Server Error';
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', String(new TextEncoder().encode(body).length));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** Whether the app has error-handling middleware (four parameters, as Express tells them apart) to hand the error to. */
function hasErrorHandler(req: Request): boolean {
  const app = req.app as unknown as { router?: { stack?: unknown }; _router?: { stack?: unknown } } | undefined;
  // Express 5 names its router `router`, Express 4 `_router`.
  const stack = app?.router?.stack ?? app?._router?.stack;
  return Array.isArray(stack) && stack.some((layer: { handle?: unknown }) => typeof layer?.handle === 'function' && layer.handle.length === 4);
}

/** The last function among a write()/end() call's arguments: its callback. */
function callbackOf(args: readonly unknown[]): (() => void) | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as () => void) : undefined;
}

export function sessionCookieAudit(options: SessionCookieAuditOptions = {}): RequestHandler {
  if (options.enabled === false) return PASS_THROUGH;
  const production = process.env.NODE_ENV === 'production';
  const userLogger = options.logger ?? ((line: string) => console.warn(line));
  // A logger that throws must not break a response.
  const log = (line: string) => {
    try {
      userLogger(line);
    } catch {
      // Nothing to do: the line is lost, the app is not.
    }
  };
  const checkStore = production ? watchMemoryStore(log) : () => undefined;
  if (options.enabled !== true && production) {
    return (req: Request, res: Response, next: NextFunction) => {
      checkStore(req, res);
      next();
    };
  }
  const { failUnder } = options;
  const remember = options.remember ?? 1000;
  /** Each cookie (name and attribute set) seen, with its failure under `failUnder` (null: it passes). */
  const seen = new Map<string, Failure | null>();
  const memorize = (key: string, failure: Failure | null) => {
    seen.delete(key);
    seen.set(key, failure);
    if (seen.size > remember) seen.delete(seen.keys().next().value as string);
  };
  const failureOf = (cookie: ReportCookie): Failure | null => {
    const grade = cookie.grade;
    if (failUnder === undefined || grade === null || grade === 'unknown' || !isWorse(grade, failUnder)) return null;
    return { cookie: cookie.name, grade, findings: cookie.findings.map((finding) => finding.id) };
  };

  let checker: KnownSecretChecker | null = null;
  let checking: Promise<void> = Promise.resolve();
  /**
   * After the response, one at a time: do the new cookies' signatures verify with a known secret?
   * The checker remembers every value it has answered for, so none is checked twice.
   */
  const checkSecrets = (inventory: CookieInventory, keys: ReadonlyMap<string, readonly string[]>, url: string) => {
    const values = valuesToCheck(inventory);
    if (values.length === 0) return;
    checker ??= createKnownSecretChecker(async function* () {
      const { bundledSecrets } = await import('../secrets/bundled-secrets.js');
      yield* bundledSecrets();
    });
    const known = checker;
    checking = checking
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => known.check(values))
      .then((matches) => {
        if (!values.some((checked) => isSecretMatch(matches.get(checked.value)))) return;
        const report = buildJsonReport(url, gradeInventory(inventory, { secretMatches: matches }));
        for (const cookie of report.cookies) {
          if (!cookie.session.isSession || cookie.deletion || !cookie.findings.some((finding) => finding.id === 'secret-known')) continue;
          log(auditLine(cookie));
          for (const key of keys.get(cookie.name) ?? []) memorize(key, failureOf(cookie));
        }
      })
      .catch((error: unknown) => log(`session-cookie-inspector: the known-secrets check failed: ${(error as Error).message}`));
  };

  /** Grades the cookies this response sets that were not seen before (logging them); returns the failures among all it sets. */
  const audit = (req: Request, res: Response): Failure[] => {
    const lines = headerLines(res, 'set-cookie');
    if (lines.length === 0) return [];
    const now = Date.now();
    const keyed = lines.map((line) => ({ line, key: attributeKey(line, now), name: parseSetCookie(line).name }));
    const fresh = keyed.filter((entry) => !seen.has(entry.key));
    if (fresh.length > 0) {
      for (const entry of fresh) memorize(entry.key, null);
      // req.protocol follows `trust proxy`, as express-session's own `secure` check does.
      const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
      const headers: HttpHeader[] = [
        ...GRADED_HEADERS.flatMap((name) => headerLines(res, name).map((value) => ({ name, value }))),
        ...fresh.map((entry) => ({ name: 'Set-Cookie', value: entry.line })),
      ];
      const observation: Observation = {
        url,
        method: req.method,
        requestHeaders: [],
        requestBodyParamNames: null,
        status: res.statusCode,
        responseHeaders: headers,
        time: now,
      };
      const inventory = buildCookieInventory([observation]);
      // The JSON report masks every value: the lines never carry one.
      const report = buildJsonReport(url, gradeInventory(inventory));
      const keys = new Map<string, string[]>();
      for (const entry of fresh) keys.set(entry.name, [...(keys.get(entry.name) ?? []), entry.key]);
      for (const cookie of report.cookies) {
        if (!cookie.session.isSession || cookie.deletion) continue;
        log(auditLine(cookie));
        for (const key of keys.get(cookie.name) ?? []) memorize(key, failureOf(cookie));
      }
      if (options.checkSecrets !== false) checkSecrets(inventory, keys, url);
    }
    const failures = new Map<string, Failure>();
    for (const entry of keyed) {
      const failure = seen.get(entry.key);
      if (failure) failures.set(failure.cookie, failure);
    }
    return [...failures.values()];
  };

  /** Without failUnder the response is never touched: the audit runs as its headers go out. */
  const observeOnly: RequestHandler = (req, res, next) => {
    checkStore(req, res);
    onHeaders(res, () => {
      try {
        audit(req, res);
      } catch (error) {
        log(`session-cookie-inspector: could not grade the response to ${req.method} ${req.path}: ${(error as Error).message}`);
      }
    });
    next();
  };
  if (failUnder === undefined) return observeOnly;

  return (req: Request, res: Response, next: NextFunction) => {
    checkStore(req, res);
    let failures: Failure[] = [];
    /** The app's own write()/end() is running (through ours): the headers listener may throw HELD_BACK to it. */
    let inside = 0;
    let answered = false;
    const write = res.write;
    const end = res.end;

    // As the headers go out (whoever sends them: the app, express-session, a stream), every
    // Set-Cookie is final: grade, and hold the response back if a session cookie fails.
    onHeaders(res, () => {
      try {
        failures = audit(req, res);
      } catch (error) {
        log(`session-cookie-inspector: could not grade the response to ${req.method} ${req.path}: ${(error as Error).message}`);
        return;
      }
      if (failures.length === 0) return;
      replaceWith500(res, heldBackBody(failures, failUnder));
      const [first] = failures as [Failure];
      if (hasErrorHandler(req)) res.once('finish', () => next(new SessionCookieAuditError(first.cookie, first.grade, first.findings)));
      // Inside our own write()/end(): stop Node before it sends the app's headers and body.
      // Elsewhere (an explicit writeHead), the 500's headers go out now and its body below.
      if (inside > 0) throw HELD_BACK;
    });

    /** Sends the 500's body, once; the app's own bytes are dropped. */
    const answer = () => {
      if (answered) return;
      answered = true;
      end.call(res, req.method === 'HEAD' ? undefined : heldBackBody(failures, failUnder), 'utf8');
    };
    /** Runs Node's write() or end(), unless the response is held back (then, or if the headers listener holds it back now, answers). */
    const through = <T>(original: () => T, settle: () => T): T => {
      if (failures.length === 0) {
        inside++;
        try {
          return original();
        } catch (error) {
          if (error !== HELD_BACK) throw error;
        } finally {
          inside--;
        }
      }
      answer();
      return settle();
    };

    res.write = function (this: Response, ...args: unknown[]): boolean {
      return through(
        () => (write as (...a: unknown[]) => boolean).apply(this, args),
        () => {
          const callback = callbackOf(args);
          if (callback) queueMicrotask(callback);
          return true;
        },
      );
    } as Response['write'];
    res.end = function (this: Response, ...args: unknown[]): Response {
      return through(
        () => (end as (...a: unknown[]) => Response).apply(this, args),
        () => {
          const callback = callbackOf(args);
          if (callback) {
            if (res.writableFinished) queueMicrotask(callback);
            else res.once('finish', callback);
          }
          return res;
        },
      );
    } as Response['end'];
    next();
  };
}
