/** Reads the demo server's settings from the environment, with a clear message for bad values. */
import { randomBytes } from 'node:crypto';

export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly httpsPort: number;
  readonly secret: string;
  /** True when the secret is random per start (sessions do not survive a restart). */
  readonly secretIsRandom: boolean;
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
  };
}
