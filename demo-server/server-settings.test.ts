import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverSettings } from './server-settings.js';

describe('serverSettings', () => {
  it('listens on 127.0.0.1:3000 and :3443 with a random secret by default', () => {
    const settings = serverSettings({});
    expect(settings).toMatchObject({ host: '127.0.0.1', port: 3000, httpsPort: 3443, secretIsRandom: true });
    expect(settings.secret).not.toBe(serverSettings({}).secret);
  });

  it('takes HOST, PORT, HTTPS_PORT and SESSION_SECRET from the environment', () => {
    expect(serverSettings({ HOST: '::1', PORT: '8080', HTTPS_PORT: '8443', SESSION_SECRET: 'x' })).toEqual({
      host: '::1',
      port: 8080,
      httpsPort: 8443,
      secret: 'x',
      secretIsRandom: false,
      allowedHosts: [],
    });
  });

  it("takes DEMO_DB as the SQLite store's file, from the working folder", () => {
    expect(serverSettings({ DEMO_DB: 'sessions.db' }).sqliteFile).toBe(join(process.cwd(), 'sessions.db'));
    expect(serverSettings({ DEMO_DB: '/tmp/demo.sqlite' }).sqliteFile).toBe('/tmp/demo.sqlite');
    expect(serverSettings({}).sqliteFile).toBeUndefined();
  });

  it("takes REDIS_URL as the redis store's server, and offers no such store without it", () => {
    expect(serverSettings({ REDIS_URL: ' redis://127.0.0.1:6379 ' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(serverSettings({ REDIS_URL: '' }).redisUrl).toBeUndefined();
  });

  it('takes DEMO_ALLOWED_HOSTS as host:port entries, and names a bad one', () => {
    expect(serverSettings({ DEMO_ALLOWED_HOSTS: ' App.test:443, [::1]:8443 ,' }).allowedHosts).toEqual(['app.test:443', '[::1]:8443']);
    expect(() => serverSettings({ DEMO_ALLOWED_HOSTS: 'app.test' })).toThrow(
      'DEMO_ALLOWED_HOSTS takes host:port entries separated by commas (e.g. app.test:443), not "app.test"',
    );
    expect(() => serverSettings({ DEMO_ALLOWED_HOSTS: 'app.test:99999' })).toThrow(/not "app.test:99999"/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['HTTPS_PORT', '-1'],
    ['HTTPS_PORT', '1.5'],
  ])('rejects %s=%s clearly', (name, value) => {
    expect(() => serverSettings({ [name]: value })).toThrow(`${name} must be a port number from 0 to 65535, not "${value}"`);
  });
});
