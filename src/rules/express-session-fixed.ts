/**
 * "Your express-session options, fixed": one `session({ ... })` block with every fix of the
 * cookie's findings applied, ready to paste in place of the app's own (issue 11). The options are
 * express-session's own (its README); the secret comes from the environment, never from code.
 */

const LIFETIME_FINDINGS = new Set(['lifetime-hour', 'lifetime-day', 'lifetime-week', 'lifetime-over-cap']);

/** The block for a cookie with these finding ids (any of rubric sections 4 and 5). */
export function expressSessionOptionsFixed(findingIds: readonly string[]): string {
  const has = (id: string) => findingIds.includes(id);
  const lines: string[] = [];
  if (has('secure-missing') || has('rejected-secure-from-insecure') || has('sent-over-http')) {
    lines.push("app.set('trust proxy', 1); // only behind a TLS-terminating proxy");
  }
  if (has('cache-control-missing')) {
    lines.push("app.use((req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });");
  }
  if (has('hsts-missing')) {
    lines.push("app.use((req, res, next) => { res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains'); next(); });");
  }
  const maxAge = findingIds.some((id) => LIFETIME_FINDINGS.has(id)) ? '\n    maxAge: 60 * 60 * 1000, // one hour; or leave it out for a browser-session cookie' : '';
  lines.push(
    [
      'app.use(session({',
      "  name: '__Host-sid',",
      '  secret: process.env.SESSION_SECRET, // 32+ random bytes, never in the code',
      '  resave: false,',
      '  saveUninitialized: false,',
      `  cookie: {\n    secure: true,\n    httpOnly: true,\n    sameSite: 'strict',\n    path: '/', // and no domain${maxAge}\n  },`,
      '}));',
    ].join('\n'),
  );
  if (has('no-rotation-on-login')) lines.push('// At login: req.session.regenerate((error) => { req.session.user = user; ... });');
  if (has('logout-not-cleared')) lines.push("// At logout: req.session.destroy(() => res.clearCookie('__Host-sid', { path: '/' }));");
  return lines.join('\n');
}
