/**
 * What a fix's Copy button puts on the clipboard: the complete code to write, never only the first
 * code span of the prose, never the code to remove. express-session (shown for every cookie) has
 * its snippet written out per rule; for the other frameworks the code spans of the advice are
 * copied, one per line, except those just after "no", "not", "without", "or" or "instead of" and
 * those in a clause that removes or forbids ("Remove ...", "never ..."); or the whole advice when
 * nothing is left.
 */
export const EXPRESS_SESSION_SNIPPETS: Readonly<Record<string, string>> = {
  'rejected-samesite-none-insecure': "cookie: { sameSite: 'lax' } // or, for real cross-site use: { sameSite: 'none', secure: true }",
  'rejected-secure-from-insecure': "cookie: { secure: 'auto' },\nproxy: true, // behind a TLS-terminating proxy",
  'rejected-prefix': "name: '__Host-sid',\ncookie: { secure: true, httpOnly: true, path: '/' }, // and no cookie.domain",
  'rejected-partitioned-insecure': 'cookie: { partitioned: true, secure: true }',
  'rejected-oversize': "req.session.data = value; // keep data in the server-side session, not in the cookie",
  'rejected-domain': 'cookie: { path: \'/\' } // no cookie.domain: the cookie stays host-only',
  'rejected-by-browser': "cookie: { maxAge: 60 * 60 * 1000 } // express-session writes Max-Age and Expires every browser reads; keep tabs out of names and ids",
  'secret-known': 'secret: process.env.SESSION_SECRET, // 32+ random bytes; rotate with [newSecret, oldSecret]',
  'secure-missing': "app.set('trust proxy', 1); // only behind a TLS-terminating proxy\napp.use(session({ cookie: { secure: true } }));",
  'httponly-missing': 'cookie: { httpOnly: true }',
  'samesite-missing': "cookie: { sameSite: 'strict' }",
  'samesite-invalid': "cookie: { sameSite: 'strict' }",
  'samesite-none': "cookie: { sameSite: 'lax' }",
  'lifetime-hour': 'cookie: { maxAge: 30 * 60 * 1000 },\nrolling: true,',
  'lifetime-day': 'cookie: { maxAge: 30 * 60 * 1000 },\nrolling: true,',
  'lifetime-week': 'cookie: { maxAge: 30 * 60 * 1000 },\nrolling: true,',
  'lifetime-over-cap': 'cookie: { maxAge: 30 * 60 * 1000 },\nrolling: true,',
  'domain-host': "cookie: { path: '/' } // no cookie.domain: the cookie stays host-only",
  'domain-parent': "cookie: { path: '/' } // no cookie.domain: the cookie stays host-only",
  'path-missing': "cookie: { path: '/' }",
  'prefix-none': "name: '__Host-sid',\ncookie: { secure: true, path: '/' },",
  'prefix-secure-only': "name: '__Host-sid',\ncookie: { secure: true, path: '/' },",
  'name-default': "name: '__Host-sid',\ncookie: { secure: true, path: '/' },",
  'entropy-low': "genid: () => require('node:crypto').randomBytes(32).toString('base64url'),",
  'entropy-medium': "genid: () => require('node:crypto').randomBytes(32).toString('base64url'),",
  'value-carries-data': 'req.session.user = user; // in the server-side store; the cookie holds only the id',
  'attribute-oversize': "cookie: { path: '/' } // keep cookie.path and cookie.domain short",
  'cache-control-missing': "app.use((req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });",
  'hsts-missing': "app.use((req, res, next) => { res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains'); next(); });",
  'id-in-url': '// Build links without req.sessionID: the cookie alone carries the session.',
  'sent-over-http': "app.set('trust proxy', 1); // only behind a TLS-terminating proxy\napp.use(session({ cookie: { secure: true } }));",
  'no-rotation-on-login': 'req.session.regenerate((err) => {\n  if (err) return next(err);\n  req.session.user = user;\n  req.session.save(next);\n});',
  'logout-not-cleared': "req.session.destroy((err) => {\n  if (err) return next(err);\n  res.clearCookie('connect.sid', { path: '/' });\n  res.redirect('/');\n});",
};

/** Words just before a span that make it code not to write. */
const NOT_TO_WRITE = /\b(remove|no|not|without|or|never|instead of)\s*\(?\s*$/i;
/** A clause that removes or forbids: every span in it, up to the next "." or ";", is left out. */
const REMOVING_CLAUSE = /\b(remove|delete|never)\b/i;

/** The code to copy for a finding's fix in one framework. */
export function fixSnippet(findingId: string, framework: string, advice: string): string {
  if (framework === 'express-session') {
    const written = EXPRESS_SESSION_SNIPPETS[findingId];
    if (written !== undefined) return written;
  }
  const parts = advice.split('`');
  const code: string[] = [];
  let clause = '';
  for (let i = 1; i < parts.length; i += 2) {
    const before = parts[i - 1] as string;
    // The prose since the last sentence or clause break.
    const breakAt = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'));
    clause = breakAt >= 0 ? before.slice(breakAt + 1) : clause + before;
    if (!NOT_TO_WRITE.test(before) && !REMOVING_CLAUSE.test(clause)) code.push(parts[i] as string);
  }
  return code.length > 0 ? code.join('\n') : advice;
}
