/** Demo apps on real local servers (http and self-signed https), as the demo server's tests use them. */
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

export async function startDemo(config: DemoConfig = DEFAULT_CONFIG, allowedHosts: readonly string[] = []): Promise<RunningDemo> {
  const demo = createDemoApp({ secret: TEST_SECRET, config, allowedHosts });
  const http = await listenHttp(demo.app);
  const https = await listenHttps(demo.app);
  demo.state.httpsPort = Number(new URL(https.origin).port);
  return {
    ...demo,
    http,
    https,
    agent: (scheme) => request.agent(scheme === 'http' ? http.origin : https.origin).disableTLSCerts(),
    close: async () => {
      await http.close();
      await https.close();
    },
  };
}

/** The Set-Cookie lines of a supertest response (none: an empty list). */
export function setCookies(response: { headers: Record<string, unknown> }): string[] {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header.map(String) : header === undefined ? [] : [String(header)];
}
