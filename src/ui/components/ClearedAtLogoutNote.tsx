/**
 * On the card of a session cookie that a logout's response deleted: deleting the cookie is not
 * ending the session. The server may still hold it, and any copy of the cookie (a stolen one, a
 * shared computer's) would still log in; traffic cannot tell, so the note says how to ask the
 * server: the CLI's `--active` with a flow (rubric section 5, "Verified on the server").
 */
import { isLogoutUrl } from '../../core/logout-url.js';
import type { CookieCardView } from '../store/panel-view.js';

/** A session cookie's deletion card whose cookie a response to a logout URL deleted. */
export function clearedAtLogout(card: Pick<CookieCardView, 'isSession' | 'deletion' | 'clearedBy'>): boolean {
  return card.isSession && card.deletion && card.clearedBy.some((response) => isLogoutUrl(response.url));
}

export const ACTIVE_CHECK_COMMAND = 'npx session-cookie-inspector --active --flow login.flow.yaml';

export function ClearedAtLogoutNote({ rulesPageUrl }: { rulesPageUrl?: string | undefined }) {
  const rule = 'session-alive-after-logout';
  return (
    <p class="hint cleared-at-logout">
      <strong>Clearing the cookie is not ending the session.</strong> The browser dropped it, but the server may still hold the session, and a copy of the old
      cookie would still log in. Check it on your own app: <code>{ACTIVE_CHECK_COMMAND}</code> sends the old cookie again after the logout (
      {rulesPageUrl ? (
        <a href={`${rulesPageUrl}#${rule}`} target="_blank" rel="noreferrer">
          {rule}
        </a>
      ) : (
        rule
      )}
      ).
    </p>
  );
}
