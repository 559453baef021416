/**
 * `npm run demo`: the demo app on http and https (a self-signed certificate for localhost, made at
 * start). Listens on 127.0.0.1 unless HOST says otherwise.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { createDemoApp, DEFAULT_SQLITE_FILE } from './demo-app.js';
import { serverSettings } from './server-settings.js';
import { sqliteUnavailable } from './session-stores.js';

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function describeListenError(error: NodeJS.ErrnoException, what: string): string {
  if (error.code === 'EADDRINUSE') return `${what} is already in use: set another port (PORT / HTTPS_PORT)`;
  if (error.code === 'EADDRNOTAVAIL') return `${what}: the address is not available on this machine (HOST)`;
  if (error.code === 'EACCES') return `${what}: permission denied (ports below 1024 need privileges)`;
  return `${what}: ${error.message}`;
}

async function main(): Promise<void> {
  const settings = serverSettings(process.env);
  const { app, state, ready } = createDemoApp({
    secret: settings.secret,
    host: settings.host,
    allowedHosts: settings.allowedHosts,
    auditLogger: (line) => console.log(line),
    sqliteFile: settings.sqliteFile ?? DEFAULT_SQLITE_FILE,
    ...(settings.redisUrl === undefined ? {} : { redisUrl: settings.redisUrl }),
  });
  await ready;
  const sqliteMissing = await sqliteUnavailable();
  const certificate = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const shownHost = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const httpPort = await listen(http.createServer(app), settings.port, settings.host).catch((error) => {
    throw new Error(describeListenError(error, `http port ${settings.port}`));
  });
  const httpsPort = await listen(https.createServer({ key: certificate.private, cert: certificate.cert }, app), settings.httpsPort, settings.host).catch(
    (error) => {
      throw new Error(describeListenError(error, `https port ${settings.httpsPort}`));
    },
  );
  state.httpsPort = httpsPort;

  console.log(`Session Cookie Inspector demo server
  http:  http://${shownHost}:${httpPort}/
  https: https://${shownHost}:${httpsPort}/  (self-signed certificate for localhost: accept the browser warning once)
  sessions: express-session's MemoryStore (the control page switches to SQLite: ${sqliteMissing === null ? (settings.sqliteFile ?? DEFAULT_SQLITE_FILE) : 'not available here'}${settings.redisUrl === undefined ? '' : '; or to Redis at REDIS_URL'})
${settings.secretIsRandom ? '  SESSION_SECRET is not set: a random secret is used, so sessions end when the server stops.\n' : ''}${sqliteMissing === null ? '' : `  ${sqliteMissing}\n`}
Load the extension (after npm run build):
  Chrome:  chrome://extensions > Developer mode > Load unpacked > dist/chrome
  Firefox: about:debugging#/runtime/this-firefox > Load Temporary Add-on > dist/firefox/manifest.json
Then open DevTools on the page above and pick the "Sessions" panel. Ctrl+C stops the server.`);
}

main().catch((error: Error) => {
  console.error(`demo server: ${error.message}`);
  process.exit(1);
});
