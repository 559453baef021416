/** Reads the demo server's settings from the environment, with a clear message for bad values. */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly httpsPort: number;
  readonly secret: string;
  /** True when the secret is random per start (sessions do not survive a restart). */
  readonly secretIsRandom: boolean;
  /** `DEMO_ALLOWED_HOSTS`: the `host:port` names a reverse proxy passes on, lower-case. */
  readonly allowedHosts: readonly string[];
  /** `DEMO_DB`: the SQLite file of the `sqlite` store, resolved from the working folder (unset: the demo's data folder). */
  readonly sqliteFile?: string;
  /** `REDIS_URL`: the Redis server of the `redis` store (unset: no such store). */
  readonly redisUrl?: string;
}

const HOST_AND_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?):(\d{1,5})$/;

/** `DEMO_ALLOWED_HOSTS=app.test:443,proxy.local:8443`: each entry a host name and a port. */
function allowedHosts(env: NodeJS.ProcessEnv): string[] {
  const text = env.DEMO_ALLOWED_HOSTS ?? '';
  const entries = text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const match = HOST_AND_PORT.exec(entry);
    if (match === null || Number(match[2]) > 65535) {
      throw new Error(`DEMO_ALLOWED_HOSTS takes host:port entries separated by commas (e.g. app.test:443), not "${entry}"`);
    }
  }
  return entries;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, not "${text}"`);
  }
  return value;
}

export function serverSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const host = env.HOST && env.HOST.trim() !== '' ? env.HOST.trim() : '127.0.0.1';
  const secret = env.SESSION_SECRET;
  return {
    host,
    port: port(env, 'PORT', 3000),
    httpsPort: port(env, 'HTTPS_PORT', 3443),
    secret: secret && secret !== '' ? secret : randomBytes(32).toString('base64url'),
    secretIsRandom: !secret,
    allowedHosts: allowedHosts(env),
    ...(env.DEMO_DB && env.DEMO_DB.trim() !== '' ? { sqliteFile: resolve(env.DEMO_DB.trim()) } : {}),
    ...(env.REDIS_URL && env.REDIS_URL.trim() !== '' ? { redisUrl: env.REDIS_URL.trim() } : {}),
  };
}
