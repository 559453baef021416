import { SILENT_NO_COOKIE_REASONS, httpsAlternative } from '../../report/no-session-cookie.js';
import { Prose } from './Prose.js';

/** Why no session cookie was set (rubric section 3), with the https page to try where the page is http. */
export function NoSessionCookie({ pageUrl }: { pageUrl: string | null }) {
  const https = pageUrl === null ? null : httpsAlternative(pageUrl);
  return (
    <section class="no-session" aria-label="Why no session cookie was set">
      <p>No session cookie was set. Some servers send none at all, silently:</p>
      <ul>
        {SILENT_NO_COOKIE_REASONS.map((reason) => (
          <li key={reason}>
            <Prose text={reason} />
          </li>
        ))}
      </ul>
      {https !== null ? (
        <p>
          This page is plain http: try it over https, <code>{https}</code> (or the port your server uses for https).
        </p>
      ) : null}
    </section>
  );
}

/** What to do when nothing was graded yet. */
export function EmptyState({ browser, observationCount }: { browser: 'chrome' | 'firefox'; observationCount: number }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{observationCount === 0 ? 'No requests recorded yet' : 'No cookies set yet'}</h2>
      <ul>
        <li>Open a page of your app in this tab, or reload it: the panel grades every Set-Cookie it sees.</li>
        {browser === 'firefox' ? (
          <li>
            In Firefox, requests are only reported once the <strong>Network</strong> panel has been opened: open it once, then reload.
          </li>
        ) : null}
        <li>Log in to see whether the session id rotates at login.</li>
        <li>
          Using express-session with <code>cookie: {'{ secure: true }'}</code> over plain http? It sends no cookie at all, silently: use https (or{' '}
          <code>secure: 'auto'</code>).
        </li>
      </ul>
    </section>
  );
}
