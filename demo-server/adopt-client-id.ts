/**
 * `app.adoptClientIds`, A BUG THIS DEMO TEACHES ON PURPOSE (never do this in an app): the server
 * adopts whatever session id a client sends, even one it never issued, as PHP does with its default
 * `session.use_strict_mode=0`. An attacker who plants a cookie value in the victim's browser before
 * the login then shares the logged-in session, unless the login regenerates the id (session
 * fixation: OWASP WSTG-SESS-03).
 *
 * express-session cannot be talked into it: it signs its ids (`s:<id>.<signature>`) and starts a
 * new session for a cookie that does not verify. So, before express-session reads the request, the
 * planted value's id (the part between `s:` and the signature, or the whole value when it is
 * unsigned) is re-signed with the server's secret in the request's Cookie header, and the demo's
 * `genid` hands that id to a session the store does not know yet.
 */
import { sign, unsign } from 'cookie-signature';
import type { Request } from 'express';

/** An id the demo adopts: RFC 6265 token characters, up to 128 (an express-session id has 32). */
const ADOPTABLE_ID = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/;

export interface AdoptedId {
  /** The session id the cookie names: the store's key, and `genid`'s answer when the store lacks it. */
  readonly id: string;
  /** The value the client sent, when it does not verify (a planted one), and the Cookie header as sent; else null. */
  readonly planted: { readonly id: string; readonly value: string } | null;
  readonly clientHeader: string;
}

/** The id a cookie value names, signed or not. */
function idOf(value: string, secret: string): { id: string; verified: boolean } {
  if (!value.startsWith('s:')) return { id: value, verified: false };
  const verified = unsign(value.slice(2), secret);
  if (verified !== false) return { id: verified, verified: true };
  const dot = value.lastIndexOf('.');
  return { id: dot > 2 ? value.slice(2, dot) : value.slice(2), verified: false };
}

/**
 * Reads cookie `name` from the request; when its value does not verify, rewrites it in
 * `req.headers.cookie` as express-session would have signed it. Null without such a cookie, or
 * when its id is not one the demo adopts.
 */
export function adoptClientId(req: Request, name: string, secret: string): AdoptedId | null {
  const header = req.headers.cookie;
  if (header === undefined) return null;
  const pairs = header.split(';');
  // The first pair of that name, as express-session's cookie parser reads it.
  const index = pairs.findIndex((pair) => pair.slice(0, pair.indexOf('=')).trim() === name && pair.includes('='));
  if (index === -1) return null;
  const pair = pairs[index] as string;
  const raw = pair.slice(pair.indexOf('=') + 1).trim();
  let value: string;
  try {
    value = decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') && raw.length > 1 ? raw.slice(1, -1) : raw);
  } catch {
    return null;
  }
  const { id, verified } = idOf(value, secret);
  if (!ADOPTABLE_ID.test(id)) return null;
  if (verified) return { id, planted: null, clientHeader: header };
  pairs[index] = ` ${name}=${encodeURIComponent(`s:${sign(id, secret)}`)}`;
  req.headers.cookie = pairs.join(';').trimStart();
  return { id, planted: { id, value: raw }, clientHeader: header };
}
