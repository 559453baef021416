import type { Session, SessionData } from 'express-session';
import { html } from '../html.js';
import { layout } from './layout.js';

export function loginPage({ leak, failed, loggedIn }: { leak: string; failed: boolean; loggedIn: boolean }) {
  return layout(
    'Log in',
    leak,
    html`<h1>Log in</h1>
      <p>The demo account is <code>demo</code> with the password <code>demo</code>.</p>
      ${failed ? html`<p class="error" role="alert">Wrong user name or password.</p>` : ''}
      <form method="post" action="/login" id="login">
        <label>User name <input name="username" autocomplete="username" value="demo" /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" /></label>
        <button type="submit">Log in</button>
      </form>
      <p class="hint">
        With "regenerate the session at login" off, the session id you had before logging in stays the same after it: the panel reports
        <code>no-rotation-on-login</code> (session fixation).
      </p>`,
    loggedIn,
  );
}

export function profilePage({ session, sessionId, leak }: { session: Session & Partial<SessionData>; sessionId: string; leak: string }) {
  return layout(
    'Profile',
    leak,
    html`<h1>Profile</h1>
      <p>Logged in as <strong>${session.user}</strong>. This session has seen ${session.visits ?? 0} page visits.</p>
      <p>Session id (server side): <code>${sessionId}</code></p>
      <form method="post" action="/logout"><button type="submit">Log out</button></form>
      <p class="hint">
        With logout <code>'forget-user'</code>, logging out only forgets the user: the same session id stays valid and no Set-Cookie clears it, which the panel
        reports as <code>logout-not-cleared</code>. With <code>'clear-cookie'</code> the cookie is cleared but the store keeps this session logged in: a copy of
        the cookie still opens this page (<code>--active</code> reports <code>session-alive-after-logout</code>).
      </p>`,
    true,
  );
}

/**
 * What a page outside the session cookie's Path shows: express-session gives such a request no
 * session at all (it only handles paths under cookie.path), so there is nobody to log in or out.
 */
export function outsideCookiePathPage({ path, requested }: { path: string; requested: string }) {
  return layout(
    'No session on this path',
    '',
    html`<h1>No session on this path</h1>
      <p>
        The session cookie's <code>Path</code> is <code>${path}</code>, and <code>${requested}</code> is outside it: express-session gives such a request no
        session (it handles only paths under <code>cookie.path</code>), so this page cannot log anyone in or out.
      </p>
      <p>Set <code>cookie.path</code> back to <code>/</code> on the <a href="/">control page</a>.</p>`,
  );
}
