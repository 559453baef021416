/**
 * The demo app: express-session whose every cookie option can be changed live, plus a login,
 * a logout and a profile page, so the Sessions panel has something to grade.
 */
import { parse as parseCookieHeader } from 'cookie';
import { sign } from 'cookie-signature';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import onHeaders from 'on-headers';
import { sessionCookieAudit } from '../src/express/session-cookie-audit.js';
import { adoptClientId } from './adopt-client-id.js';
import { activePreset, applyConfigPatch, DEFAULT_CONFIG, isPresetName, presetConfig, PRESETS, type DemoConfig, type StoreKind } from './demo-config.js';
import { controlPage } from './pages/control-page.js';
import { loginPage, outsideCookiePathPage, profilePage } from './pages/session-pages.js';
import { sessionOptions } from './session-options.js';
import { openMemoryStore, openRedisStore, openSqliteStore, sqliteUnavailable, StoreUnavailableError, type DemoStore } from './session-stores.js';

declare module 'express-session' {
  interface SessionData {
    visits: number;
    user: string;
  }
}

/** The documented demo account. */
export const DEMO_USER = { username: 'demo', password: 'demo' } as const;

export interface LastSetCookie {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly lines: readonly string[];
}

export interface DemoState {
  config: DemoConfig;
  /**
   * The Set-Cookie lines of each browser's last page response, by the session cookie value that
   * browser holds afterwards (API calls and DevTools' /.well-known/ probes are not recorded).
   */
  readonly lastSetCookie: Map<string, LastSetCookie>;
  /** The https port, once the server listens there (for the control page's link). */
  httpsPort: number | null;
}

/** How many browsers' last responses the demo remembers. */
const REMEMBERED_BROWSERS = 1000;

export interface DemoAppOptions {
  readonly secret: string;
  readonly config?: DemoConfig;
  /** The address the server listens on (HOST), served besides 127.0.0.1, localhost and [::1]. */
  readonly host?: string;
  /**
   * `host:port` names a reverse proxy in front of the demo passes on (DEMO_ALLOWED_HOSTS), accepted
   * in Host and Origin besides the server's own names on its own ports.
   */
  readonly allowedHosts?: readonly string[];
  /** Where the session-cookie audit middleware writes its lines (none: no audit). */
  readonly auditLogger?: (line: string) => void;
  /** The SQLite file of the `sqlite` store (DEMO_DB). */
  readonly sqliteFile?: string;
  /** The Redis server of the `redis` store (REDIS_URL); without it that store is refused. */
  readonly redisUrl?: string;
}

/** The SQLite file when DEMO_DB does not name one: in the demo's data folder, which git ignores. */
export const DEFAULT_SQLITE_FILE = fileURLToPath(new URL('./data/sessions.sqlite', import.meta.url));

const STATIC_DIRECTORY = fileURLToPath(new URL('./public/', import.meta.url));

/** The session cookie's value as the browser holds it: `s:<id>.<signature>`, URL-encoded. */
export function signedCookieValue(sessionId: string, secret: string): string {
  return encodeURIComponent(`s:${sign(sessionId, secret)}`);
}

/** The server's own names: only requests for these are served (DNS rebinding gets nothing). */
const OWN_HOST_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses a request whose Host is not one of the server's own names on the port it arrived on:
 * a rebinding DNS name pointed at 127.0.0.1 could otherwise change the config and read a
 * visitor's HttpOnly cookie through /api/last-set-cookie. 421 Misdirected Request (RFC 9110 15.5.20).
 */
function guardHost(hostNames: ReadonlySet<string>, allowed: ReadonlySet<string>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (isAllowedHost(host, allowed)) return next();
    const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/.exec(host);
    const port = match?.[2] === undefined ? ((req.socket as { encrypted?: boolean }).encrypted ? 443 : 80) : Number(match[2]);
    if (match === null || !hostNames.has(match[1] as string) || port !== req.socket.localPort) {
      res
        .status(421)
        .type('text')
        .send(`This demo server answers only for ${[...hostNames].join(', ')} on port ${req.socket.localPort}.`);
      return;
    }
    next();
  };
}

/**
 * True when `host` (a Host header, or an origin's host) is one a proxy passes on: `host:port` as
 * listed, or the bare name when its listed port is the scheme's default (80, 443).
 */
function isAllowedHost(host: string, allowed: ReadonlySet<string>, defaultPort?: number): boolean {
  if (allowed.size === 0 || host === '') return false;
  if (allowed.has(host)) return true;
  if (/:\d+$/.test(host)) return false;
  return defaultPort === undefined ? allowed.has(`${host}:443`) || allowed.has(`${host}:80`) : allowed.has(`${host}:${defaultPort}`);
}

/** False for a request sent by a page of another origin (browsers send Origin on every POST). */
function isOwnOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined || origin === `${req.protocol}://${req.get('host')}`) return true;
  // A page served through the proxy: its origin is one of the allowed names.
  const allowed = req.app.get('allowed hosts') as ReadonlySet<string>;
  try {
    const url = new URL(origin);
    return isAllowedHost(url.host, allowed, url.protocol === 'https:' ? 443 : 80);
  } catch {
    return false;
  }
}

/** Refuses a state-changing page request (login, logout) from another site's page. */
function guardForm(req: Request, res: Response, next: NextFunction): void {
  if (isOwnOrigin(req)) return next();
  res
    .status(403)
    .type('text')
    .send(`A page on ${req.get('origin')} may not log you in or out here.`);
}

/**
 * Mutating API calls take JSON only (or no body at all, as `POST /api/presets/hardened` needs
 * none), and only from this server's own pages (no cross-site flips).
 */
function guardApi(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  if (!isOwnOrigin(req)) {
    res.status(403).json({ error: `requests from ${req.get('origin')} may not change this server's configuration` });
    return;
  }
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  // The declared type, read from the header: req.is() answers null for a request without a body,
  // as `curl -X POST -H 'Content-Type: application/json'` sends it.
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const json = mediaType === 'application/json' || mediaType.endsWith('+json');
  if ((hasBody || mediaType !== '') && !json) {
    res.status(415).json({ error: 'send Content-Type: application/json' });
    return;
  }
  next();
}

export interface DemoApp {
  readonly app: express.Express;
  readonly state: DemoState;
  /** The session store in use: one per store kind, shared by every configuration. */
  readonly store: session.Store;
  /** Settles once the first configuration's store is open (a SQLite file is opened asynchronously). */
  readonly ready: Promise<void>;
  /** Closes the stores (the SQLite file). */
  closeStores(): Promise<void>;
}

/** express-session's own ids: 24 random bytes, base64url (uid-safe's). */
const newSessionId = () => randomBytes(24).toString('base64url');

export function createDemoApp(options: DemoAppOptions): DemoApp {
  const state: DemoState = { config: options.config ?? DEFAULT_CONFIG, lastSetCookie: new Map(), httpsPort: null };
  let active: DemoStore = openMemoryStore();
  // One store per kind for every configuration: sessions survive a change of options.
  const stores = new Map<StoreKind, Promise<DemoStore>>([['memory', Promise.resolve(active)]]);
  const openStore = (kind: StoreKind): Promise<DemoStore> => {
    let opening = stores.get(kind);
    if (opening === undefined) {
      opening =
        kind === 'memory'
          ? Promise.resolve(openMemoryStore())
          : kind === 'sqlite'
            ? openSqliteStore(options.sqliteFile ?? DEFAULT_SQLITE_FILE)
            : openRedisStore(options.redisUrl);
      stores.set(kind, opening);
      opening.catch(() => stores.delete(kind));
    }
    return opening;
  };
  let sessionMiddleware: express.RequestHandler = (_req, _res, next) => next();
  /** The id a client planted, for express-session's genid to adopt (app.adoptClientIds), by request. */
  const plantedIds = new WeakMap<Request, string>();
  const genid = (req: Request) => {
    const planted = plantedIds.get(req);
    plantedIds.delete(req);
    return planted ?? newSessionId();
  };

  const app = express();
  app.disable('x-powered-by');
  /** Uses `config` from the next request on, once its store is open (rejects, changing nothing, when it cannot be). */
  const applyConfig = async (config: DemoConfig) => {
    const demoStore = await openStore(config.store);
    const { store } = demoStore;
    active = demoStore;
    state.config = config;
    app.set('trust proxy', config.trustProxy ? 1 : false);
    // express-session adds connect/disconnect listeners to the store for each middleware it makes:
    // remove the previous middleware's, so flipping toggles never piles listeners up.
    const before = new Map((['connect', 'disconnect'] as const).map((event) => [event, store.listeners(event)]));
    for (const [event, listeners] of before) for (const listener of listeners) store.removeListener(event, listener as () => void);
    sessionMiddleware = session({ ...sessionOptions(config, config.secret ?? options.secret, store), genid });
  };
  const closeStores = async () => {
    const open = [...stores.values()];
    stores.clear();
    await Promise.all(open.map((opening) => opening.then((demoStore) => demoStore.close()).catch(() => undefined)));
  };
  /**
   * What a process restart does to the sessions, in this process: every store is dropped, so a new
   * MemoryStore holds nobody, and the SQLite file is closed and opened again with its rows. The
   * configuration and the secret stay (a real restart would start from the defaults, and with a
   * random secret no earlier cookie would verify, whatever the store).
   */
  const restart = async () => {
    await closeStores();
    state.lastSetCookie.clear();
    try {
      await applyConfig(state.config);
    } catch (error) {
      // The SQLite file cannot be opened again: go on with a MemoryStore rather than a closed file.
      await applyConfig({ ...state.config, store: 'memory' });
      throw error;
    }
  };
  /** Configuration changes and restarts, one at a time: a SQLite file opens asynchronously. */
  let changing: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = changing.then(task);
    changing = run.catch(() => undefined);
    return run;
  };
  const ready = oneAtATime(() => applyConfig(state.config));
  const answerStoreError = (res: Response, error: unknown) => {
    if (!(error instanceof StoreUnavailableError)) throw error;
    res.status(503).json({ error: error.message, install: error.install });
  };
  const hostNames = new Set([
    ...OWN_HOST_NAMES,
    ...(options.host ? [options.host.includes(':') ? `[${options.host.toLowerCase()}]` : options.host.toLowerCase()] : []),
  ]);
  const allowed = new Set(options.allowedHosts ?? []);
  app.set('allowed hosts', allowed);
  app.use(guardHost(hostNames, allowed));
  // The product's own Express middleware: one line per distinct session cookie the demo sends.
  if (options.auditLogger) app.use(sessionCookieAudit({ enabled: true, logger: options.auditLogger }));

  app.use('/static', express.static(STATIC_DIRECTORY, { index: false }));
  // No icon: answer quietly instead of a 404 in every console.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });

  app.use('/api', guardApi, express.json({ limit: '16kb' }));
  app.get('/api/config', (_req, res) => {
    res.json(state.config);
  });
  app.put('/api/config', async (req, res) => {
    try {
      const result = await oneAtATime(async () => {
        const patched = applyConfigPatch(state.config, req.body);
        if (patched.ok) await applyConfig(patched.config);
        return patched;
      });
      if (!result.ok) {
        res.status(400).json({ error: result.error });
        return;
      }
    } catch (error) {
      answerStoreError(res, error);
      return;
    }
    res.json(state.config);
  });
  app.post('/api/presets/:name', async (req, res) => {
    const name = String(req.params.name);
    if (!isPresetName(name)) {
      res.status(404).json({ error: `unknown preset "${name}"; presets: ${Object.keys(PRESETS).join(', ')}` });
      return;
    }
    await oneAtATime(() => applyConfig(presetConfig(name, state.config)));
    res.json(state.config);
  });
  // What the store holds: how many sessions, each one's expiry and whether it is logged in; never an id.
  app.get('/api/store', async (_req, res) => {
    await changing;
    const rows = await active.rows();
    res.json({ store: active.kind, sessions: rows.length, rows, writes: active.writes });
  });
  app.post('/api/restart', async (_req, res) => {
    try {
      await oneAtATime(restart);
    } catch (error) {
      answerStoreError(res, error);
      return;
    }
    const rows = await active.rows();
    res.json({ store: active.kind, sessions: rows.length });
  });
  app.get('/api/last-set-cookie', (req, res) => {
    const held = browserKey(req.headers.cookie, state.config.name);
    res.json(held === null ? null : (state.lastSetCookie.get(held) ?? null));
  });
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API route' });
  });

  // Pages: record what they set, apply the response-header toggles, then the session.
  app.use((req, res, next) => {
    res.on('finish', () => {
      if (req.path.startsWith('/.well-known/')) return;
      const lines = setCookieLines(res);
      // The browser is known by the session cookie it holds after this response.
      const setValue = lines.map((line) => browserKey(line.split(';')[0], state.config.name)).find((key) => key !== null);
      const held = setValue ?? browserKey((res.locals.clientCookieHeader as string | undefined) ?? req.headers.cookie, state.config.name);
      if (held === null || held === undefined) return;
      state.lastSetCookie.delete(held);
      state.lastSetCookie.set(held, { method: req.method, url: req.originalUrl, status: res.statusCode, lines });
      if (state.lastSetCookie.size > REMEMBERED_BROWSERS) state.lastSetCookie.delete(state.lastSetCookie.keys().next().value as string);
    });
    // Registered before the session middleware, so these run after express-session's own header
    // hook (the last registered runs first): re-issue, then give an adopted cookie its planted value.
    onHeaders(res, () => keepPlantedValue(res));
    onHeaders(res, () => reissueCookie(req, res));
    // Node caches the Date header for up to a second and can send a stale one; stamp it when the
    // headers go out so Expires minus Date (the lifetime graders compute) is exact.
    onHeaders(res, () => res.setHeader('Date', new Date().toUTCString()));
    if (state.config.app.noStore) res.set('Cache-Control', 'no-store');
    if (state.config.app.hsts && req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  app.use((req, res, next) => {
    if (state.config.app.adoptClientIds) {
      const adopted = adoptClientId(req, state.config.name, currentSecret());
      if (adopted !== null) {
        plantedIds.set(req, adopted.id);
        if (adopted.planted !== null) {
          res.locals.clientCookieHeader = adopted.clientHeader;
          res.locals.planted = adopted.planted;
        }
      }
    }
    sessionMiddleware(req, res, (error?: unknown) => {
      // Only the session's first id may be the planted one: a regenerate() later gets a new id.
      plantedIds.delete(req);
      next(error);
    });
  });
  app.use((req, res, next) => {
    // The visit counter writes the session on every page (app.countVisits); without it, pages leave an anonymous session as it is.
    if (state.config.app.countVisits && req.method === 'GET' && req.session) req.session.visits = (req.session.visits ?? 0) + 1;
    if (req.session) res.locals.reissue = adoptCurrentOptions(req, state.config);
    next();
  });

  /**
   * A returning browser's session keeps the cookie options it was created with (express-session
   * stores them with the session) until it is regenerated. The demo teaches toggles, so it gives
   * the session the current options and sends the cookie again, as express-session would for a new
   * session: never over plain http when it is Secure (express-session sends none then either).
   */
  const reissueCookie = (req: Request, res: Response) => {
    if (res.locals.reissue !== true || !req.session || !req.sessionID) return;
    const { name } = state.config;
    if (setCookieLines(res).some((line) => line.startsWith(`${name}=`))) return;
    const cookie = req.session.cookie as unknown as CookieShape;
    if (cookie.secure && !req.secure) return;
    res.cookie(name, `s:${sign(req.sessionID, currentSecret())}`, {
      path: cookie.path,
      httpOnly: cookie.httpOnly,
      secure: cookie.secure === true,
      ...(cookie.domain ? { domain: cookie.domain } : {}),
      ...(cookie.sameSite !== undefined && cookie.sameSite !== null ? { sameSite: cookie.sameSite } : {}),
      ...(cookie.expires ? { expires: cookie.expires } : {}),
      ...(cookie.partitioned ? { partitioned: true } : {}),
      ...(cookie.priority ? { priority: cookie.priority } : {}),
    });
  };

  /**
   * app.adoptClientIds: express-session sends the adopted session's cookie signed with the server's
   * secret; the browser keeps the value it was planted with instead, as a server that adopts ids
   * (PHP's default) sends back the id it was given.
   */
  const keepPlantedValue = (res: Response) => {
    const planted = res.locals.planted as { id: string; value: string } | undefined;
    if (planted === undefined) return;
    const prefix = `${state.config.name}=${signedCookieValue(planted.id, currentSecret())};`;
    const lines = setCookieLines(res);
    if (!lines.some((line) => line.startsWith(prefix))) return;
    res.setHeader(
      'Set-Cookie',
      lines.map((line) => (line.startsWith(prefix) ? `${state.config.name}=${planted.value};${line.slice(prefix.length)}` : line)),
    );
  };

  /** Query string that leaks the session cookie's value into links, when that toggle is on. */
  const currentSecret = () => state.config.secret ?? options.secret;
  const leak = (req: Request) => (state.config.app.idInLinks && req.sessionID ? `?sid=${signedCookieValue(req.sessionID, currentSecret())}` : '');

  const httpsUrl = (req: Request) =>
    state.httpsPort === null ? null : `https://${req.hostname.includes(':') ? `[${req.hostname}]` : req.hostname}:${state.httpsPort}${req.originalUrl}`;

  app.get('/', async (req, res) => {
    const sqliteMissing = await sqliteUnavailable();
    res.type('html').send(
      controlPage({
        config: state.config,
        session: req.session,
        secure: req.secure,
        leak: leak(req),
        preset: activePreset(state.config),
        httpsUrl: httpsUrl(req),
        reissued: res.locals.reissue === true,
        sqliteMissing,
        redis: options.redisUrl !== undefined,
        arrival: {
          protocol: req.protocol,
          clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          forwardedProto: req.get('x-forwarded-proto') ?? null,
          forwardedFor: req.get('x-forwarded-for') ?? null,
          trustProxy: state.config.trustProxy,
        },
      }).text,
    );
  });

  /** The session pages need a session, which express-session gives only under cookie.path. */
  const needsSession = (req: Request, res: Response, next: NextFunction) => {
    if (req.session) return next();
    res
      .status(409)
      .type('html')
      .send(outsideCookiePathPage({ path: state.config.cookie.path, requested: req.path }).text);
  };
  app.use(['/login', '/profile', '/logout'], needsSession);

  app.get('/login', (req, res) => {
    res.type('html').send(loginPage({ leak: leak(req), failed: false, loggedIn: Boolean(req.session.user) }).text);
  });
  app.post('/login', guardForm, express.urlencoded({ extended: false, limit: '4kb' }), (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.username !== DEMO_USER.username || body.password !== DEMO_USER.password) {
      res
        .status(401)
        .type('html')
        .send(loginPage({ leak: leak(req), failed: true, loggedIn: Boolean(req.session.user) }).text);
      return;
    }
    const signIn = () => {
      req.session.user = DEMO_USER.username;
      req.session.save((error) => (error ? next(error) : res.redirect(303, `/profile${leak(req)}`)));
    };
    if (state.config.app.regenerateOnLogin) req.session.regenerate((error) => (error ? next(error) : signIn()));
    else signIn();
  });

  app.get('/profile', (req, res) => {
    if (!req.session.user) {
      res.redirect(302, `/login${leak(req)}`);
      return;
    }
    res.type('html').send(profilePage({ session: req.session, sessionId: req.sessionID, leak: leak(req) }).text);
  });

  // Logging out changes state, so it is a POST (the navigation's button). Graders count any
  // request to /logout as a logout, so a GET here must not look like one that failed to log out.
  app.get('/logout', (_req, res) => {
    res.status(405).set('Allow', 'POST').type('text').send('Log out with the button (POST /logout).');
  });
  app.post('/logout', guardForm, (req, res, next) => {
    const { cookie, name, app: behaviour } = state.config;
    const clearCookie = () =>
      res.clearCookie(name, {
        path: cookie.path,
        ...(cookie.domain === null ? {} : { domain: cookie.domain }),
        secure: cookie.secure === 'auto' ? req.secure : cookie.secure,
        httpOnly: cookie.httpOnly,
        ...(cookie.sameSite === null ? {} : { sameSite: cookie.sameSite }),
        ...(cookie.partitioned ? { partitioned: true } : {}),
      });
    if (behaviour.logout === 'forget-user') {
      // The naive logout: the user is forgotten, but the session (and its id) lives on.
      delete req.session.user;
      res.redirect(303, '/');
      return;
    }
    if (behaviour.logout === 'clear-cookie') {
      // The common bug: the browser forgets its cookie, but the store still holds the logged-in
      // session, so any copy of the old cookie (a stolen one, a shared computer's) still logs in.
      clearCookie();
      res.redirect(303, '/');
      return;
    }
    req.session.destroy((error) => {
      if (error) return next(error);
      clearCookie();
      res.redirect(303, '/');
    });
  });

  // Malformed JSON, oversized bodies and anything unexpected: a clear answer, never a stack trace.
  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message =
      error.type === 'entity.parse.failed'
        ? 'the body is not valid JSON'
        : error.type === 'entity.too.large'
          ? 'the body is too large'
          : status === 500
            ? 'internal error'
            : error.message;
    if (status === 500) console.error(`demo server: ${req.method} ${req.path} failed: ${error.message}`);
    if (req.path.startsWith('/api')) res.status(status).json({ error: message });
    else res.status(status).type('text').send(message);
  });

  return {
    app,
    state,
    get store() {
      return active.store;
    },
    ready,
    closeStores,
  };
}

function setCookieLines(res: Response): string[] {
  const header = res.getHeader('set-cookie');
  return header === undefined ? [] : Array.isArray(header) ? header.map(String) : [String(header)];
}

/** The value of cookie `name` in a Cookie header (or a Set-Cookie's first pair), or null. */
function browserKey(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  const value = parseCookieHeader(header)[name];
  return value === undefined || value === '' ? null : value;
}

/** The fields of express-session's Cookie the demo reads and writes (its types lack some). */
interface CookieShape {
  secure?: boolean | 'auto';
  httpOnly?: boolean;
  path?: string;
  domain?: string;
  sameSite?: boolean | 'lax' | 'strict' | 'none';
  partitioned?: boolean;
  priority?: 'low' | 'medium' | 'high';
  originalMaxAge?: number | null;
  expires?: Date | null;
  maxAge?: number;
}

/**
 * Gives the request's session the configuration's cookie options; true when they differed (the
 * cookie must then be sent again for the browser to see them).
 */
function adoptCurrentOptions(req: Request, config: DemoConfig): boolean {
  const cookie = req.session.cookie as unknown as CookieShape;
  const wanted = config.cookie;
  const secure = wanted.secure === 'auto' ? req.secure : wanted.secure;
  const sameSite = wanted.sameSite ?? undefined;
  const domain = wanted.domain ?? undefined;
  const priority = wanted.priority ?? undefined;
  const differs =
    cookie.secure !== secure ||
    cookie.httpOnly !== wanted.httpOnly ||
    cookie.path !== wanted.path ||
    (cookie.sameSite ?? undefined) !== sameSite ||
    (cookie.domain ?? undefined) !== domain ||
    Boolean(cookie.partitioned) !== wanted.partitioned ||
    (cookie.priority ?? undefined) !== priority ||
    (cookie.originalMaxAge ?? null) !== wanted.maxAge;
  if (!differs) return false;
  cookie.secure = secure;
  cookie.httpOnly = wanted.httpOnly;
  cookie.path = wanted.path;
  cookie.sameSite = sameSite;
  cookie.domain = domain;
  cookie.partitioned = wanted.partitioned || undefined;
  cookie.priority = priority;
  cookie.maxAge = wanted.maxAge ?? undefined;
  return true;
}
