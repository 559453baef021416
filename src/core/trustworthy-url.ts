/**
 * "Potentially trustworthy" URLs as RFC 6265bis uses them for the Secure attribute: https, or a
 * loopback host (localhost, *.localhost, 127.0.0.0/8, [::1]), which browsers treat as secure
 * contexts (W3C Secure Contexts 3.1, RFC 6265bis 5.7 step 13).
 */

export interface UrlParts {
  readonly scheme: string;
  /** Lower-cased host without port; IPv6 keeps its brackets. */
  readonly host: string;
  readonly path: string;
}

/** Splits a URL without throwing; an unparsable URL gives scheme '' and host ''. */
export function urlParts(url: string): UrlParts {
  try {
    const parsed = new URL(url);
    return { scheme: parsed.protocol.replace(/:$/, ''), host: parsed.hostname.toLowerCase(), path: parsed.pathname };
  } catch {
    return { scheme: '', host: '', path: '' };
  }
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isTrustworthyUrl(url: string): boolean {
  const { scheme, host } = urlParts(url);
  return scheme === 'https' || scheme === 'wss' || ((scheme === 'http' || scheme === 'ws') && isLoopbackHost(host));
}
