/**
 * The messages of exact capture in Firefox, between the panel and the background script over a
 * runtime port named CAPTURE_PORT. Firefox gives DevTools panels no webRequest (they get the APIs of
 * a content script), so its background script listens for the inspected tab and relays each
 * request's Cookie header and each response's graded headers, Set-Cookie lines included, as the
 * browser sent and received them (Firefox gives them to webRequest as they are, no
 * `extraHeaders`). Guards check what arrives.
 */
import type { HttpHeader } from '../../src/observation/observation.js';

export const CAPTURE_PORT = 'session-cookie-inspector:capture';

/** Panel to background. */
export type CaptureRequest =
  /** Listen to `tabId`'s requests to these hosts (replaces any earlier list). */
  | { readonly kind: 'capture-listen'; readonly tabId: number; readonly hosts: readonly string[] }
  /** Whether `webRequest` and host access to `host` are granted (asked in an earlier session). */
  | { readonly kind: 'capture-granted?'; readonly id: string; readonly host: string }
  /**
   * Sent every few seconds while capturing: Firefox suspends an idle background script (event
   * page) after 30 s even with a port open, which would end its listeners; a message resets that.
   */
  | { readonly kind: 'capture-keepalive' };

/** Background to panel. */
export type CaptureEvent =
  | {
      readonly kind: 'capture-sent';
      readonly requestId: string;
      readonly method: string;
      readonly url: string;
      readonly time: number;
      /** The request's Cookie and Referer headers, as sent. */
      readonly headers: readonly HttpHeader[];
    }
  | {
      readonly kind: 'capture-received';
      readonly requestId: string;
      readonly url: string;
      readonly status: number;
      /** The response's graded headers (Set-Cookie lines, Location, Cache-Control...), as received. */
      readonly headers: readonly HttpHeader[];
    }
  | { readonly kind: 'capture-granted'; readonly id: string; readonly granted: boolean }
  /** Listening could not start (the permission is missing): the panel says so. */
  | { readonly kind: 'capture-refused'; readonly message: string };

function isHeaders(value: unknown): value is HttpHeader[] {
  return Array.isArray(value) && value.every((header) => typeof header?.name === 'string' && typeof header?.value === 'string');
}

export function isCaptureRequest(value: unknown): value is CaptureRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.kind === 'capture-listen')
    return typeof message.tabId === 'number' && Array.isArray(message.hosts) && message.hosts.every((host) => typeof host === 'string');
  return message.kind === 'capture-granted?' && typeof message.id === 'string' && typeof message.host === 'string';
}

export function isCaptureEvent(value: unknown): value is CaptureEvent {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.kind) {
    case 'capture-sent':
      return (
        typeof message.requestId === 'string' &&
        typeof message.method === 'string' &&
        typeof message.url === 'string' &&
        typeof message.time === 'number' &&
        isHeaders(message.headers)
      );
    case 'capture-received':
      return typeof message.requestId === 'string' && typeof message.url === 'string' && typeof message.status === 'number' && isHeaders(message.headers);
    case 'capture-granted':
      return typeof message.id === 'string' && typeof message.granted === 'boolean';
    case 'capture-refused':
      return typeof message.message === 'string';
    default:
      return false;
  }
}
