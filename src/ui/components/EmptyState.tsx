/** What to do when nothing was graded yet. */
export function EmptyState({ browser, observationCount }: { browser: 'chrome' | 'firefox'; observationCount: number }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{observationCount === 0 ? 'No requests recorded yet' : 'No cookies set yet'}</h2>
      <ul>
        <li>Open a page of your app in this tab, or reload it: the panel grades every Set-Cookie it sees.</li>
        {browser === 'firefox' ? (
          <li>
            In Firefox, requests are only reported once the <strong>Network</strong> panel has been opened: open it once,
            then reload.
          </li>
        ) : null}
        <li>Log in to see whether the session id rotates at login.</li>
        <li>
          Using express-session with <code>cookie: {'{ secure: true }'}</code> over plain http? It sends no cookie at all,
          silently: use https (or <code>secure: 'auto'</code>).
        </li>
      </ul>
    </section>
  );
}
