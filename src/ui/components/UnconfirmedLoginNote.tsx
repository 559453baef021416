/**
 * Said when the panel had to take a login or logout without its Cookie header (issue 23): DevTools
 * reported it without one and cleared its log at the next navigation before the panel could read
 * it again. Which session id it carried is then unknown, so the trace rules that need it
 * (`no-rotation-on-login`, the logout checks) could not judge it: never a silent miss.
 */
import type { UnconfirmedExchange } from '../store/sessions-store.js';

export interface UnconfirmedLoginNoteProps {
  readonly exchanges: readonly UnconfirmedExchange[];
  readonly browser: 'chrome' | 'firefox';
  /** Whether this panel offers exact capture (its button is in the capture line above). */
  readonly canCaptureExactly: boolean;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname;
  } catch {
    return url;
  }
}

export function UnconfirmedLoginNote({ exchanges, browser, canCaptureExactly }: UnconfirmedLoginNoteProps) {
  if (exchanges.length === 0) return null;
  const listed = exchanges
    .slice(-3)
    .map((exchange) => `${exchange.method} ${pathOf(exchange.url)} at ${new Date(exchange.time).toLocaleTimeString('en-GB')}`)
    .join(', ');
  const preserve = browser === 'firefox' ? '"Persist Logs" in the Network panel\'s settings' : '"Preserve log" in the Network panel';
  return (
    <p class="notice unconfirmed-login" role="status" data-unconfirmed={exchanges.length}>
      {exchanges.length === 1 ? 'A login or logout' : `${exchanges.length} logins or logouts`} ({listed}) reached the panel without{' '}
      {exchanges.length === 1 ? 'its' : 'their'} Cookie header, and DevTools cleared its log at the next navigation before the panel could read it again: which
      session id {exchanges.length === 1 ? 'it was' : 'they were'} sent with is unknown, so <code>no-rotation-on-login</code> and the logout checks could not
      judge {exchanges.length === 1 ? 'it' : 'them'}. For exact headers, turn on {preserve}
      {canCaptureExactly ? ', or use Capture exactly above' : ''}, and log in again.
    </p>
  );
}

/**
 * The line on a session cookie's card while some login's Cookie header is unconfirmed: the card's
 * `no-rotation-on-login` (or its absence) may not cover that login. Null when there is none.
 */
export function unconfirmedLoginLine(exchanges: readonly UnconfirmedExchange[]): string | null {
  const last = exchanges[exchanges.length - 1];
  if (last === undefined) return null;
  return `${last.method} ${pathOf(last.url)} at ${new Date(last.time).toLocaleTimeString('en-GB')} reached the panel without its Cookie header: no-rotation-on-login could not judge that login for this cookie (see the note at the top).`;
}
