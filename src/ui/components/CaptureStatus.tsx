/**
 * Which capture the panel reads: DevTools' network log, or exact capture (webRequest) for the
 * inspected host, with the button that starts it where the browser allows it.
 */
import { useState } from 'preact/hooks';
import type { StoreActionResult } from './panel-actions.js';

export interface CaptureStatusProps {
  /** The inspected page's host, or null before it is known. */
  readonly host: string | null;
  /** Whether the user granted exact capture for the inspected host. */
  readonly granted: boolean;
  /** Whether the browser delivers webRequest events to the panel. */
  readonly live: boolean;
  /** Starts exact capture; absent where the browser gives panels no webRequest (Firefox). */
  readonly onStart?: () => Promise<StoreActionResult>;
}

export function CaptureStatus({ host, granted, live, onStart }: CaptureStatusProps) {
  const [result, setResult] = useState<StoreActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  if (granted && live) {
    return (
      <p class="capture" data-capture="exact">
        Capture: exact for {host}: every request's Cookie header and every Set-Cookie line as the browser sent and received them.
      </p>
    );
  }
  if (granted) {
    return (
      <p class="capture" data-capture="granted" role="status">
        Capture: DevTools' network log for now. Exact capture is granted for {host}, but Chromium sends its events only once the extension starts again: restart
        the browser (or reload the extension on chrome://extensions) and open this panel again; it then captures {host} exactly from the start.
      </p>
    );
  }
  const start = async () => {
    if (onStart === undefined) return;
    setBusy(true);
    try {
      setResult(await onStart());
    } finally {
      setBusy(false);
    }
  };
  return (
    <p class="capture" data-capture="devtools">
      Capture: DevTools' network log.{' '}
      {onStart === undefined ? (
        'Its entries can lack a Cookie header over HTTP/2 or when a page navigates at once; this browser gives panels no way to capture exactly.'
      ) : (
        <>
          <button type="button" class="exact-capture" disabled={busy || host === null} onClick={() => void start()}>
            Capture exactly
          </button>{' '}
          asks for permission to read the Cookie and Set-Cookie headers of {host ?? 'this site'}'s requests in this tab.
        </>
      )}
      {result === null ? null : (
        <span class={result.ok ? 'capture-result' : 'capture-result problem'} role="status">
          {' '}
          {result.message}
        </span>
      )}
    </p>
  );
}
