/**
 * The demo server under a burst on loopback: 10,000 requests, at most 32 at a time, mixing pages,
 * API reads, malformed and out-of-range updates and cross-site attempts. It answers every one
 * and keeps its configuration. (Bounded in count; no timing is asserted.)
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../test/support/demo-servers.js';
import { PRESETS } from './demo-config.js';

const REQUESTS = 10_000;
const CONCURRENCY = 32;

let demo: RunningDemo;
beforeAll(async () => {
  demo = await startDemo(PRESETS.tutorial);
});
afterAll(async () => {
  await demo.close();
});

interface Shot {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly expect: number;
}

const SHOTS: readonly Shot[] = [
  { method: 'GET', path: '/', expect: 200 },
  { method: 'GET', path: '/api/config', expect: 200 },
  { method: 'PUT', path: '/api/config', headers: { 'Content-Type': 'application/json' }, body: '{"cookie": {"secure": "maybe"}}', expect: 400 },
  { method: 'PUT', path: '/api/config', headers: { 'Content-Type': 'application/json' }, body: '{"rolling": tr', expect: 400 },
  {
    method: 'PUT',
    path: '/api/config',
    headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    body: '{"rolling":true}',
    expect: 403,
  },
  { method: 'POST', path: '/api/presets/insecure', headers: { 'Content-Type': 'text/plain' }, expect: 415 },
  { method: 'GET', path: '/profile', expect: 302 },
  { method: 'POST', path: '/login', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'username=demo&password=wrong', expect: 401 },
];

function send(agent: http.Agent, port: number, shot: Shot): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, agent, method: shot.method, path: shot.path, headers: shot.headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(shot.body);
  });
}

describe('the demo server under a burst of 10,000 requests', () => {
  it('answers every request as it should and keeps its configuration', async () => {
    const port = Number(new URL(demo.http.origin).port);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const unexpected: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const shot = SHOTS[next++ % SHOTS.length] as Shot;
        const status = await send(agent, port, shot);
        if (status !== shot.expect) unexpected.push(`${shot.method} ${shot.path}: ${status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    expect(next).toBeGreaterThanOrEqual(REQUESTS);
    expect(unexpected.slice(0, 5)).toEqual([]);
    expect(demo.state.config).toEqual(PRESETS.tutorial);
    expect((await demo.agent('http').get('/api/config')).body).toEqual(PRESETS.tutorial);
  }, 60_000);
});
