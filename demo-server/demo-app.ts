/**
 * The demo app: express-session whose every cookie option can be changed live, plus a login,
 * a logout and a profile page, so the Sessions panel has something to grade.
 */
import { sign } from 'cookie-signature';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import { fileURLToPath } from 'node:url';
import onHeaders from 'on-headers';
import { applyConfigPatch, DEFAULT_CONFIG, isPresetName, PRESETS, type DemoConfig } from './demo-config.js';
import { controlPage } from './pages/control-page.js';
import { loginPage, profilePage } from './pages/session-pages.js';
import { sessionOptions } from './session-options.js';

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
  /** The Set-Cookie lines of the last page response (API calls are not recorded). */
  lastSetCookie: LastSetCookie | null;
}

export interface DemoAppOptions {
  readonly secret: string;
  readonly config?: DemoConfig;
}

const STATIC_DIRECTORY = fileURLToPath(new URL('./public/', import.meta.url));

/** The session cookie's value as the browser holds it: `s:<id>.<signature>`, URL-encoded. */
export function signedCookieValue(sessionId: string, secret: string): string {
  return encodeURIComponent(`s:${sign(sessionId, secret)}`);
}

/** Mutating API calls take JSON only, and only from this server's own pages (no cross-site flips). */
function guardApi(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const origin = req.get('origin');
  if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`) {
    res.status(403).json({ error: `requests from ${origin} may not change this server's configuration` });
    return;
  }
  if (!req.is('application/json')) {
    res.status(415).json({ error: 'send Content-Type: application/json' });
    return;
  }
  next();
}

export interface DemoApp {
  readonly app: express.Express;
  readonly state: DemoState;
  /** The one session store, shared by every configuration. */
  readonly store: session.MemoryStore;
}

export function createDemoApp(options: DemoAppOptions): DemoApp {
  const state: DemoState = { config: options.config ?? DEFAULT_CONFIG, lastSetCookie: null };
  // One store for every configuration: sessions survive a change of options.
  const store = new session.MemoryStore();
  let sessionMiddleware = session(sessionOptions(state.config, options.secret, store));

  const app = express();
  app.disable('x-powered-by');
  const applyConfig = (config: DemoConfig) => {
    state.config = config;
    app.set('trust proxy', config.trustProxy ? 1 : false);
    sessionMiddleware = session(sessionOptions(config, options.secret, store));
  };
  applyConfig(state.config);

  app.use('/static', express.static(STATIC_DIRECTORY, { index: false }));
  // No icon: answer quietly instead of a 404 in every console.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });

  app.use('/api', guardApi, express.json({ limit: '16kb' }));
  app.get('/api/config', (_req, res) => {
    res.json(state.config);
  });
  app.put('/api/config', (req, res) => {
    const result = applyConfigPatch(state.config, req.body);
    if (!result.ok) {
      res.status(400).json({ error: result.error });
      return;
    }
    applyConfig(result.config);
    res.json(state.config);
  });
  app.post('/api/presets/:name', (req, res) => {
    const name = String(req.params.name);
    if (!isPresetName(name)) {
      res.status(404).json({ error: `unknown preset "${name}"; presets: ${Object.keys(PRESETS).join(', ')}` });
      return;
    }
    applyConfig(PRESETS[name]);
    res.json(state.config);
  });
  app.get('/api/last-set-cookie', (_req, res) => {
    res.json(state.lastSetCookie);
  });
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API route' });
  });

  // Pages: record what they set, apply the response-header toggles, then the session.
  app.use((req, res, next) => {
    res.on('finish', () => {
      const header = res.getHeader('set-cookie');
      const lines = header === undefined ? [] : Array.isArray(header) ? header.map(String) : [String(header)];
      state.lastSetCookie = { method: req.method, url: req.originalUrl, status: res.statusCode, lines };
    });
    // Node caches the Date header for up to a second and can send a stale one; stamp it when the
    // headers go out so Expires minus Date (the lifetime graders compute) is exact.
    onHeaders(res, () => res.setHeader('Date', new Date().toUTCString()));
    if (state.config.app.noStore) res.set('Cache-Control', 'no-store');
    if (state.config.app.hsts && req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  app.use((req, res, next) => sessionMiddleware(req, res, next));
  app.use((req, _res, next) => {
    if (req.method === 'GET' && req.session) req.session.visits = (req.session.visits ?? 0) + 1;
    next();
  });

  /** Query string that leaks the session cookie's value into links, when that toggle is on. */
  const leak = (req: Request) =>
    state.config.app.idInLinks && req.sessionID ? `?sid=${signedCookieValue(req.sessionID, options.secret)}` : '';

  app.get('/', (req, res) => {
    res.type('html').send(controlPage({ config: state.config, session: req.session, secure: req.secure, leak: leak(req) }).text);
  });

  app.get('/login', (req, res) => {
    res.type('html').send(loginPage({ leak: leak(req), failed: false }).text);
  });
  app.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.username !== DEMO_USER.username || body.password !== DEMO_USER.password) {
      res.status(401).type('html').send(loginPage({ leak: leak(req), failed: true }).text);
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
  app.post('/logout', (req, res, next) => {
    if (!state.config.app.destroyOnLogout) {
      // The naive logout: the user is forgotten, but the session (and its id) lives on.
      delete req.session.user;
      res.redirect(303, '/');
      return;
    }
    const { cookie, name } = state.config;
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(name, {
        path: cookie.path,
        ...(cookie.domain === null ? {} : { domain: cookie.domain }),
        secure: cookie.secure === 'auto' ? req.secure : cookie.secure,
        httpOnly: cookie.httpOnly,
        ...(cookie.sameSite === null ? {} : { sameSite: cookie.sameSite }),
        ...(cookie.partitioned ? { partitioned: true } : {}),
      });
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

  return { app, state, store };
}
