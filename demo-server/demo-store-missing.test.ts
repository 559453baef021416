/**
 * A demo whose SQLite driver is not installed (or not built): it runs on MemoryStore, says so on the
 * control page with the command to run, and answers a switch to SQLite with 503 naming it.
 */
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configWith, startDemo, type RunningDemo } from '../test/support/demo-servers.js';

vi.mock('sqlite3', () => {
  throw new Error("Cannot find module 'sqlite3'");
});

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

describe('demo server without the SQLite driver', () => {
  it('should answer PUT {"store":"sqlite"} with 503 naming what to install, and stay on MemoryStore', async () => {
    demo = await startDemo(configWith({}));
    const response = await demo.agent('http').put('/api/config').send({ store: 'sqlite' });
    expect(response.status).toBe(503);
    expect(response.body.error).toContain('the SQLite store needs the sqlite3 driver');
    expect(response.body.install).toBe('npm install (or npm rebuild sqlite3)');
    expect((await request(demo.http.origin).get('/api/store')).body.store).toBe('memory');
    expect(demo.state.config.store).toBe('memory');
  });

  it('should say on the control page that SQLite is not available, with the command', async () => {
    demo = await startDemo(configWith({}));
    const page = await demo.agent('http').get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>SQLite is not available here.</strong>');
    expect(page.text).toContain('Run npm install (or npm rebuild sqlite3)');
  });
});
