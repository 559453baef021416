/**
 * One status line on a terminal's stderr, rewritten in place while the CLI reads a large HAR or
 * follows redirects; nothing at all when stderr is not a terminal (CI logs stay clean). It never
 * shows a URL's path or query: those can carry a session id.
 */
export interface Progress {
  update(text: string): void;
  /** Clears the line. */
  done(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

/** At most this often, so a fast loop does not flood the terminal. */
const MIN_INTERVAL_MILLISECONDS = 100;

export function terminalProgress(write: (text: string) => void, now: () => number = Date.now): Progress {
  let last = -Infinity;
  let shown = false;
  return {
    update: (text) => {
      if (now() - last < MIN_INTERVAL_MILLISECONDS) return;
      last = now();
      shown = true;
      // Carriage return, then erase to the end of the line (ECMA-48 EL).
      write(`\r\u001b[K${text}`);
    },
    done: () => {
      if (shown) write('\r\u001b[K');
      shown = false;
    },
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
