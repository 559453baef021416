/** Demo apps on real local servers (http and self-signed https), as the demo server's tests use them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { applyConfigPatch, DEFAULT_CONFIG, type DemoConfig } from '../../demo-server/demo-config.js';
import { createDemoApp, type DemoApp } from '../../demo-server/demo-app.js';
import { listenHttp, listenHttps, type Listening } from './listen.js';

export const TEST_SECRET = 'test secret';

/** A demo configuration: the defaults with a partial update applied (as PUT /api/config would). */
export function configWith(patch: object = {}): DemoConfig {
  const result = applyConfigPatch(DEFAULT_CONFIG, patch);
  if (!result.ok) throw new Error(result.error);
  return result.config;
}

export interface RunningDemo extends DemoApp {
  readonly http: Listening;
  readonly https: Listening;
  /** supertest against one scheme, certificates not checked (they are self-signed). */
  agent(scheme: 'http' | 'https'): request.Agent;
  close(): Promise<void>;
}

export async function startDemo(
  config: DemoConfig = DEFAULT_CONFIG,
  allowedHosts: readonly string[] = [],
  options: { readonly sqliteFile?: string; readonly redisUrl?: string } = {},
): Promise<RunningDemo> {
  // Each demo gets a SQLite file of its own unless told which to share.
  const folder = options.sqliteFile === undefined ? mkdtempSync(join(tmpdir(), 'sci-demo-')) : null;
  const sqliteFile = options.sqliteFile ?? join(folder as string, 'sessions.sqlite');
  const demo = createDemoApp({ secret: TEST_SECRET, config, allowedHosts, sqliteFile, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) });
  await demo.ready;
  const http = await listenHttp(demo.app);
  const https = await listenHttps(demo.app);
  demo.state.httpsPort = Number(new URL(https.origin).port);
  return {
    app: demo.app,
    state: demo.state,
    // The store in use changes with the configuration and at a restart.
    get store() {
      return demo.store;
    },
    ready: demo.ready,
    closeStores: demo.closeStores,
    http,
    https,
    agent: (scheme) => request.agent(scheme === 'http' ? http.origin : https.origin).disableTLSCerts(),
    close: async () => {
      await http.close();
      await https.close();
      await demo.closeStores();
      if (folder !== null) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The Set-Cookie lines of a supertest response (none: an empty list). */
export function setCookies(response: { headers: Record<string, unknown> }): string[] {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header.map(String) : header === undefined ? [] : [String(header)];
}
