/** Turns the demo configuration into express-session options, and into the code a user would paste. */
import type { SessionOptions } from 'express-session';
import type { DemoConfig } from './demo-config.js';

export function sessionOptions(config: DemoConfig, secret: string, store: SessionOptions['store']): SessionOptions {
  const { cookie } = config;
  return {
    name: config.name,
    secret,
    store,
    rolling: config.rolling,
    resave: config.resave,
    saveUninitialized: config.saveUninitialized,
    ...(config.proxy === null ? {} : { proxy: config.proxy }),
    cookie: {
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      path: cookie.path,
      ...(cookie.sameSite === null ? {} : { sameSite: cookie.sameSite }),
      ...(cookie.maxAge === null ? {} : { maxAge: cookie.maxAge }),
      ...(cookie.domain === null ? {} : { domain: cookie.domain }),
      ...(cookie.partitioned ? { partitioned: true } : {}),
      ...(cookie.priority === null ? {} : { priority: cookie.priority }),
    },
  };
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
}

/** The `app.use(session({...}))` call for this configuration, as a user would write it. */
export function sessionCode(config: DemoConfig): string {
  const { cookie } = config;
  const cookieLines = [
    `secure: ${literal(cookie.secure)}`,
    `httpOnly: ${literal(cookie.httpOnly)}`,
    `path: ${literal(cookie.path)}`,
    ...(cookie.sameSite === null ? [] : [`sameSite: ${literal(cookie.sameSite)}`]),
    ...(cookie.maxAge === null ? [] : [`maxAge: ${cookie.maxAge}`]),
    ...(cookie.domain === null ? [] : [`domain: ${literal(cookie.domain)}`]),
    ...(cookie.partitioned ? ['partitioned: true'] : []),
    ...(cookie.priority === null ? [] : [`priority: ${literal(cookie.priority)}`]),
  ];
  const sqlite = config.store === 'sqlite';
  return [
    ...(config.store === 'redis'
      ? [
          "const client = await createClient({ url: process.env.REDIS_URL }).connect(); // import { createClient } from 'redis'",
          "const store = new RedisStore({ client }); // import { RedisStore } from 'connect-redis'",
        ]
      : []),
    ...(sqlite
      ? [
          "const SequelizeStore = require('connect-session-sequelize')(session.Store);",
          "const store = new SequelizeStore({ db: new Sequelize({ dialect: 'sqlite', storage: 'sessions.sqlite' }) });",
          'await store.sync(); // creates the Sessions table',
        ]
      : []),
    ...(config.trustProxy ? ["app.set('trust proxy', 1);"] : []),
    'app.use(session({',
    ...(config.store !== 'memory' ? ['  store,'] : []),
    `  name: ${literal(config.name)},`,
    config.secret === null
      ? '  secret: process.env.SESSION_SECRET,'
      : `  secret: ${literal(config.secret)}, // a hard-coded secret: if it is public, anyone can forge sessions`,
    `  resave: ${config.resave},`,
    `  saveUninitialized: ${config.saveUninitialized},`,
    `  rolling: ${config.rolling},`,
    ...(config.proxy === null ? [] : [`  proxy: ${config.proxy},`]),
    '  cookie: {',
    ...cookieLines.map((line) => `    ${line},`),
    '  },',
    '}));',
  ].join('\n');
}
