/**
 * The combined fix for the Node session middlewares: one options block with every fix applied,
 * ready to paste in place of the app's own (issue 11). Option names are each package's own
 * (their READMEs; checked against the real packages by `node-options.test.ts`); secrets come from
 * the environment, never from code.
 */
import { codeLines, type FixedSettings, fixedName } from './fixed-settings.js';

const SECURE_COOKIE = "secure: true,\n    httpOnly: true,\n    sameSite: 'strict',\n    path: '/', // and no domain";
const TRUST_PROXY = "app.set('trust proxy', 1); // only behind a TLS-terminating proxy";
const NO_STORE = "app.use((req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });";
const HSTS = "app.use((req, res, next) => { res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains'); next(); });";
const ONE_HOUR = '60 * 60 * 1000, // one hour';
/** The same options for the packages that take them at the top level (cookie-session, koa-session). */
const FLAT_SECURE_COOKIE = SECURE_COOKIE.replaceAll('\n    ', '\n  ');

/** express-session's and @fastify/session's nested `cookie: { ... }`, with a short maxAge when a lifetime finding asks. */
function nestedCookie(settings: FixedSettings): string {
  const maxAge = settings.shortLifetime ? `\n    maxAge: ${ONE_HOUR}; or leave it out for a browser-session cookie` : '';
  return `  cookie: {\n    ${SECURE_COOKIE}${maxAge}\n  },`;
}

/** The client-side sessions have no id to rotate: a new session replaces the old at login and logout. */
function replacedAtLoginAndLogout(settings: FixedSettings, session: string): string {
  return settings.rotateAtLogin || settings.clearAtLogout ? `// At login and at logout: ${session} = null; then set what the new session holds.` : '';
}

/** Express's own lines before the middleware: proxy trust and the two headers. */
function expressPreamble(settings: FixedSettings): string[] {
  return [settings.behindProxy ? TRUST_PROXY : '', settings.noStore ? NO_STORE : '', settings.hsts ? HSTS : ''].filter(Boolean);
}

/** "Your express-session options, fixed": one `session({ ... })` block. */
export function expressSessionFixed(settings: FixedSettings, cookieName: string): string {
  const name = fixedName(settings, cookieName, '__Host-sid');
  return codeLines([
    ...expressPreamble(settings),
    [
      'app.use(session({',
      `  name: '${name}',`,
      '  secret: process.env.SESSION_SECRET, // 32+ random bytes, never in the code',
      '  resave: false,',
      '  saveUninitialized: false,',
      nestedCookie(settings),
      '}));',
    ].join('\n'),
    settings.serverSide ? '// Keep data in req.session (a server-side store), never in the cookie value.' : '',
    settings.cookiesOnly ? '// Build links without req.sessionID: the cookie alone carries the session.' : '',
    settings.rotateAtLogin ? '// At login: req.session.regenerate((error) => { req.session.user = user; ... });' : '',
    settings.clearAtLogout ? `// At logout: req.session.destroy(() => res.clearCookie('${name}', { path: '/' }));` : '',
  ]);
}

/** cookie-session keeps the whole session in the cookie: it has no id to rotate. */
export function cookieSessionFixed(settings: FixedSettings, cookieName: string): string {
  const name = fixedName(settings, cookieName, '__Host-session');
  return codeLines([
    ...expressPreamble(settings),
    [
      'app.use(cookieSession({',
      `  name: '${name}', // cookie-session also signs it as ${name}.sig`,
      '  keys: [process.env.SESSION_KEY], // 32+ random bytes, never in the code',
      `  ${FLAT_SECURE_COOKIE},`,
      `  maxAge: ${settings.shortLifetime ? ONE_HOUR : 'undefined, // a browser-session cookie'}`,
      '}));',
    ].join('\n'),
    settings.serverSide ? '// cookie-session stores the data in the cookie, readable by anyone: for private data use express-session with a store.' : '',
    replacedAtLoginAndLogout(settings, 'req.session'),
  ]);
}

/** koa-session: `app.keys` signs it; `app.proxy` trusts X-Forwarded-Proto. */
export function koaSessionFixed(settings: FixedSettings, cookieName: string): string {
  const name = fixedName(settings, cookieName, '__Host-koa.sess');
  return codeLines([
    settings.behindProxy ? 'app.proxy = true; // only behind a TLS-terminating proxy' : '',
    'app.keys = [process.env.SESSION_KEY]; // 32+ random bytes, never in the code',
    settings.noStore ? "app.use(async (ctx, next) => { await next(); ctx.set('Cache-Control', 'no-store'); });" : '',
    settings.hsts ? "app.use(async (ctx, next) => { await next(); ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains'); });" : '',
    [
      'app.use(session({',
      `  key: '${name}',`,
      `  ${FLAT_SECURE_COOKIE},`,
      `  maxAge: ${settings.shortLifetime ? ONE_HOUR : "'session', // a browser-session cookie"}`,
      '}, app));',
    ].join('\n'),
    settings.serverSide ? '// The default store is the cookie itself: pass `store` (a server-side store) for private data.' : '',
    replacedAtLoginAndLogout(settings, 'ctx.session'),
  ]);
}

/** @fastify/session, after @fastify/cookie; Fastify's `trustProxy` trusts X-Forwarded-Proto. */
export function fastifySessionFixed(settings: FixedSettings, cookieName: string): string {
  const name = fixedName(settings, cookieName, '__Host-sid');
  return codeLines([
    settings.behindProxy ? 'const fastify = Fastify({ trustProxy: true }); // only behind a TLS-terminating proxy' : '',
    'fastify.register(fastifyCookie);',
    [
      'fastify.register(fastifySession, {',
      `  cookieName: '${name}',`,
      '  secret: process.env.SESSION_SECRET, // 32+ characters, never in the code',
      '  saveUninitialized: false,',
      nestedCookie(settings),
      '});',
    ].join('\n'),
    settings.noStore ? "fastify.addHook('onSend', async (request, reply) => { reply.header('Cache-Control', 'no-store'); });" : '',
    settings.hsts
      ? "fastify.addHook('onSend', async (request, reply) => { reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains'); });"
      : '',
    settings.rotateAtLogin ? '// At login: await request.session.regenerate(); request.session.user = user;' : '',
    settings.clearAtLogout ? `// At logout: await request.session.destroy(); reply.clearCookie('${name}', { path: '/' });` : '',
  ]);
}
