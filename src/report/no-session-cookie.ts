/**
 * Why a page may set no session cookie at all (rubric section 3): some frameworks send none,
 * silently, when the cookie is Secure and the request came over plain http. The CLI, the
 * Markdown export and the panel say so when no session cookie was set.
 */
export const SILENT_NO_COOKIE_REASONS: readonly string[] = [
  "express-session with `cookie.secure: true` over plain http, or behind a TLS-terminating proxy without `app.set('trust proxy', 1)`, sends no Set-Cookie at all",
  'Rack / Rails with `secure: true` over plain http sends no session cookie',
  "@fastify/session's `cookie.secure` is true by default, so over plain http it sends no cookie",
];

/** The https URL to try instead, when `url` is plain http (same host, default port). */
export function httpsAlternative(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:') return null;
    parsed.protocol = 'https:';
    parsed.port = '';
    return parsed.href;
  } catch {
    return null;
  }
}
