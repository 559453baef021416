/**
 * The demo's session stores: express-session's MemoryStore, a SQLite file through Sequelize and
 * connect-session-sequelize (as the express-session seeds' setup does), and a Redis server through
 * connect-redis when REDIS_URL names one. Each can list what it holds for the control page: an
 * expiry and whether a user is logged in, never an id or a value.
 */
import session from 'express-session';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreKind } from './demo-config.js';

/** One session the store holds, as GET /api/store shows it: never its id. */
export interface StoreRow {
  /** When the store lets the session go (ISO 8601), or null when it keeps it until the server stops. */
  readonly expires: string | null;
  readonly loggedIn: boolean;
}

/** How often express-session wrote to the store since it was opened (what resave and saveUninitialized change). */
export interface StoreWrites {
  set: number;
  touch: number;
  destroy: number;
}

export interface DemoStore {
  readonly kind: StoreKind;
  readonly store: session.Store;
  readonly writes: StoreWrites;
  /** Every session the store holds, soonest expiry first (sessions without one last). */
  rows(): Promise<StoreRow[]>;
  close(): Promise<void>;
}

/** The SQLite store cannot be opened: why, and what to run. */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    readonly install: string,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** What installs the SQLite driver: sqlite3 is built from source (python3, make and a C++ compiler). */
export const SQLITE_INSTALL_COMMAND = 'npm install (or npm rebuild sqlite3)';

/** Counts express-session's writes: each store method it calls, wrapped once. */
function countWrites(store: session.Store): StoreWrites {
  const writes: StoreWrites = { set: 0, touch: 0, destroy: 0 };
  const target = store as unknown as Record<keyof StoreWrites, ((...args: unknown[]) => unknown) | undefined>;
  for (const method of ['set', 'touch', 'destroy'] as const) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function (this: unknown, ...args: unknown[]) {
      writes[method]++;
      return original.apply(this, args);
    };
  }
  return writes;
}

interface StoredSession {
  readonly cookie?: { readonly expires?: string | Date | null };
  readonly user?: unknown;
}

function rowOf(data: StoredSession, expires: string | Date | null | undefined): StoreRow {
  return { expires: expires ? new Date(expires).toISOString() : null, loggedIn: typeof data.user === 'string' };
}

function bySoonestExpiry(a: StoreRow, b: StoreRow): number {
  if (a.expires === b.expires) return Number(b.loggedIn) - Number(a.loggedIn);
  if (a.expires === null) return 1;
  if (b.expires === null) return -1;
  return a.expires < b.expires ? -1 : 1;
}

/** express-session's MemoryStore: a new one holds nobody, as after a process restart. */
export function openMemoryStore(): DemoStore {
  const store = new session.MemoryStore();
  const writes = countWrites(store);
  return {
    kind: 'memory',
    store,
    writes,
    rows: () =>
      new Promise((resolve, reject) => {
        // MemoryStore.all leaves out (and drops) the sessions that have expired.
        store.all((error, sessions) => {
          if (error) return reject(error);
          const all = Object.values(sessions ?? {}) as StoredSession[];
          resolve(all.map((data) => rowOf(data, data.cookie?.expires)).sort(bySoonestExpiry));
        });
      }),
    close: async () => undefined,
  };
}

/** The Sequelize model connect-session-sequelize defines (sid, expires, data), as its rows read. */
interface SessionModel {
  findAll(options: { attributes: string[]; raw: true }): Promise<{ expires: string | Date | null; data: string }[]>;
}

/**
 * A SQLite file through Sequelize and connect-session-sequelize: the sessions stay in the file when
 * the server stops. The driver is loaded here, so a demo without it still runs on MemoryStore.
 */
export async function openSqliteStore(file: string): Promise<DemoStore> {
  let sqlite3: object;
  try {
    sqlite3 = (await import('sqlite3')).default;
  } catch (error) {
    throw new StoreUnavailableError(
      `the SQLite store needs the sqlite3 driver, which could not be loaded here (${(error as Error).message.split('\n')[0]}): run ${SQLITE_INSTALL_COMMAND}, which builds it from source with python3, make and a C++ compiler`,
      SQLITE_INSTALL_COMMAND,
    );
  }
  const { Sequelize } = await import('sequelize');
  const { default: connectSessionSequelize } = await import('connect-session-sequelize');
  mkdirSync(dirname(file), { recursive: true });
  const db = new Sequelize({ dialect: 'sqlite', storage: file, dialectModule: sqlite3, logging: false });
  const SequelizeStore = connectSessionSequelize(session.Store);
  const store = new SequelizeStore({ db });
  try {
    // Creates the Sessions table when the file is new; an existing file keeps its rows.
    await store.sync();
  } catch (error) {
    store.stopExpiringSessions();
    // Not awaited: after a failed open, Sequelize's close() waits for a sqlite3 callback that never comes.
    db.close().catch(() => undefined);
    throw new StoreUnavailableError(`the SQLite file ${file} could not be opened: ${(error as Error).message}`, 'DEMO_DB=<a writable file>');
  }
  const model = db.models.Session as unknown as SessionModel;
  const writes = countWrites(store);
  return {
    kind: 'sqlite',
    store,
    writes,
    rows: async () => {
      // The table as it is: connect-session-sequelize deletes expired rows every 15 minutes only.
      const rows = await model.findAll({ attributes: ['expires', 'data'], raw: true });
      return rows.map((row) => rowOf(JSON.parse(row.data) as StoredSession, row.expires)).sort(bySoonestExpiry);
    },
    close: async () => {
      store.stopExpiringSessions();
      await db.close();
    },
  };
}

/** Whether the SQLite driver loads here: null when it does, else what to tell the user. */
export async function sqliteUnavailable(): Promise<string | null> {
  try {
    await import('sqlite3');
    return null;
  } catch (error) {
    return `The SQLite driver (sqlite3) could not be loaded: ${(error as Error).message.split('\n')[0]}. Run ${SQLITE_INSTALL_COMMAND}; it builds sqlite3 from source with python3, make and a C++ compiler (about a minute).`;
  }
}

/** The key prefix of the demo's sessions in Redis (connect-redis's default is `sess:`). */
export const REDIS_PREFIX = 'sci-demo:sess:';

/**
 * A Redis server through connect-redis: the sessions stay in Redis when the server stops, and every
 * process that uses the same server shares them. Only with REDIS_URL (`redis://127.0.0.1:6379`).
 */
export async function openRedisStore(url: string | undefined): Promise<DemoStore> {
  if (url === undefined) {
    throw new StoreUnavailableError(
      'the Redis store needs REDIS_URL, the address of a Redis server (e.g. REDIS_URL=redis://127.0.0.1:6379 npm start)',
      'REDIS_URL=redis://127.0.0.1:6379',
    );
  }
  const { createClient } = await import('redis');
  const { RedisStore } = await import('connect-redis');
  // One attempt, no reconnection loop: a demo pointed at no server says so at once.
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 5000 } });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new StoreUnavailableError(
      `the Redis server at REDIS_URL could not be reached: ${(error as Error).message}`,
      'redis-server (Debian: apt-get install redis-server)',
    );
  }
  const store = new RedisStore({ client, prefix: REDIS_PREFIX });
  const writes = countWrites(store);
  return {
    kind: 'redis',
    store,
    writes,
    rows: async () => {
      const sessions = (await store.all()) as (StoredSession & { id: string })[];
      const rows = await Promise.all(
        sessions.map(async (data) => {
          // The key's own expiry: connect-redis keeps a session without cookie.expires for a day.
          const left = await client.pTTL(`${REDIS_PREFIX}${data.id}`);
          return rowOf(data, left > 0 ? new Date(Date.now() + left) : null);
        }),
      );
      return rows.sort(bySoonestExpiry);
    },
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
