/**
 * The demo as production runs it (issue 23): behind nginx with TLS and HTTP/2, `trust proxy` on,
 * `cookie.secure: true`, the proxy's names in DEMO_ALLOWED_HOSTS. Beside it, under `/spa/` on the
 * same origin, a test-only app: probe pages and API calls that set a session cookie of a new name
 * (a new card in the panel), and the API of a busy single-page app. It is the test's own, not the
 * demo's: the demo stays what users run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { configWith, startDemo, type RunningDemo } from '../../support/demo-servers.js';
import { reserveProxyPorts, startNginxProxy, type NginxProxy } from './nginx-proxy.js';

/** A non-localhost name on loopback, as a real deployment has (mapped in each browser). */
export const PROXY_HOST = 'app.sessions.test';

/** Chromium flags that reach the proxy by its name and accept its self-signed certificate. */
export const CHROMIUM_PROXY_ARGS = [`--host-resolver-rules=MAP ${PROXY_HOST} 127.0.0.1`] as const;
/** Firefox prefs that reach the proxy by its name (the launcher already accepts any certificate). */
export const FIREFOX_PROXY_PREFS = { 'network.dns.localDomains': PROXY_HOST } as const;

export interface ProxiedDemo {
  readonly demo: RunningDemo;
  readonly proxy: NginxProxy;
  close(): Promise<void>;
}

/** A session id shaped like express-session's (32 characters), different for every `name`. */
function idFor(name: string): string {
  return `${name}Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd0123456789`.slice(0, 32);
}

/** The test app under /spa/ (nginx passes the full path). */
function answer(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://spa');
  const page = /^\/spa\/page\/(\w+)$/.exec(url.pathname);
  const probe = /^\/spa\/api\/probe\/(\w+)(\/again)?$/.exec(url.pathname);
  const item = /^\/spa\/api\/items\/(\d+)$/.exec(url.pathname);
  const secureSession = (name: string, path = '/') => `${name}.sid=${idFor(name)}; Path=${path}; Secure; HttpOnly; SameSite=Lax`;
  if (page) {
    // A page like the demo's: its stylesheet comes from the demo (cacheable, so 304 on a revisit).
    response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': secureSession(page[1] as string) });
    response.end(`<!doctype html><title>${page[1]}</title><link rel="stylesheet" href="/static/demo.css"><p>probe page</p>`);
  } else if (url.pathname === '/spa/app') {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': [secureSession('spa'), 'spa_pref=compact; Path=/; Secure'] });
    response.end('<!doctype html><title>busy single-page app</title><p>busy single-page app</p>');
  } else if (item && Number(item[1]) % 100 === 50 && !url.searchParams.has('moved')) {
    response.writeHead(302, { Location: `/spa/api/items/${item[1]}?moved` });
    response.end();
  } else if (item) {
    // A fifth of the reads set the app's session cookie again, as a rolling session does.
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json' };
    if (Number(item[1]) % 5 === 0) headers['Set-Cookie'] = secureSession('spa');
    response.writeHead(200, headers);
    response.end(`{"item":${item[1]}}`);
  } else if (probe && probe[2]) {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{}');
  } else if (probe) {
    // Scoped to its own path: the busy app's requests do not send it.
    response.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': secureSession(probe[1] as string, `/spa/api/probe/${probe[1]}`) });
    response.end('{}');
  } else {
    response.writeHead(404);
    response.end();
  }
}

export async function startProxiedDemo(): Promise<ProxiedDemo> {
  const ports = await reserveProxyPorts();
  const demo = await startDemo(configWith({ trustProxy: true, cookie: { secure: true } }), [`${PROXY_HOST}:${ports.h2}`, `${PROXY_HOST}:${ports.h1}`]);
  const spa = http.createServer(answer);
  await new Promise<void>((done) => spa.listen(0, '127.0.0.1', done));
  const closeSpa = () =>
    new Promise<void>((done) => {
      spa.closeAllConnections();
      spa.close(() => done());
    });
  let proxy: NginxProxy;
  try {
    proxy = await startNginxProxy({
      serverName: PROXY_HOST,
      ports,
      upstream: demo.http.origin,
      locations: { '/spa/': `http://127.0.0.1:${(spa.address() as AddressInfo).port}` },
    });
  } catch (error) {
    await closeSpa();
    await demo.close();
    throw error;
  }
  return {
    demo,
    proxy,
    close: async () => {
      await proxy.close();
      await closeSpa();
      await demo.close();
    },
  };
}

/** Changes the demo's configuration, as its control page does (PUT /api/config). */
export async function configureDemo(proxied: ProxiedDemo, patch: object): Promise<void> {
  const response = await proxied.demo.agent('http').put('/api/config').send(patch);
  if (response.status !== 200) throw new Error(`e2e: the demo refused ${JSON.stringify(patch)}: ${response.status} ${response.text}`);
}

/** The median of a few measurements (the upper one of an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}
