/**
 * The demo server's live configuration: every express-session option that shapes the cookie, the
 * app's `trust proxy`, and the app behaviours that matter for sessions. The JSON shape of
 * `GET/PUT /api/config` is this type; a PUT carries any part of it.
 */

export type SecureOption = boolean | 'auto';
export type SameSiteOption = null | 'lax' | 'strict' | 'none' | boolean;
export type PriorityOption = null | 'low' | 'medium' | 'high';

export interface CookieConfig {
  readonly secure: SecureOption;
  readonly httpOnly: boolean;
  /** null: express-session sends no SameSite attribute. */
  readonly sameSite: SameSiteOption;
  /** Milliseconds, or null for a browser-session cookie. */
  readonly maxAge: number | null;
  readonly domain: string | null;
  readonly path: string;
  readonly partitioned: boolean;
  readonly priority: PriorityOption;
}

/**
 * What logging out does:
 * - `destroy`: `req.session.destroy()` and `res.clearCookie()`, the session ends;
 * - `forget-user`: the session lives on without its user (the same id stays valid);
 * - `clear-cookie`: only `res.clearCookie()`, the common bug: the store still holds the logged-in
 *   session, so any copy of the old cookie still logs in.
 */
export type LogoutMode = 'destroy' | 'forget-user' | 'clear-cookie';

export const LOGOUT_MODES: readonly LogoutMode[] = ['destroy', 'forget-user', 'clear-cookie'];

/** Where express-session keeps the sessions: its MemoryStore (the default), a SQLite file, or Redis (with REDIS_URL). */
export type StoreKind = 'memory' | 'sqlite' | 'redis';

export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'redis'];

export interface AppBehaviour {
  /** `req.session.regenerate()` at login (prevents session fixation). */
  readonly regenerateOnLogin: boolean;
  readonly logout: LogoutMode;
  /**
   * A bug taught on purpose: adopt any session id a client sends, even one the server never issued
   * (as PHP does with its default `session.use_strict_mode=0`), so an id planted before the login
   * is the logged-in session's id (session fixation) unless the login regenerates it.
   */
  readonly adoptClientIds: boolean;
  /** Count page visits in the session, which writes every session on every page. */
  readonly countVisits: boolean;
  /** Send `Strict-Transport-Security: max-age=31536000` on https responses. */
  readonly hsts: boolean;
  /** Send `Cache-Control: no-store` on pages. */
  readonly noStore: boolean;
  /** Put the session cookie's value in links (a deliberate leak, to show `id-in-url`). */
  readonly idInLinks: boolean;
}

export interface DemoConfig {
  /** The session store; presets leave it as it is. */
  readonly store: StoreKind;
  readonly name: string;
  /**
   * The session secret: null for the server's own (SESSION_SECRET, or random per start), or a
   * string, such as the publicly known "keyboard cat", to watch `secret-known` appear.
   */
  readonly secret: string | null;
  readonly cookie: CookieConfig;
  readonly rolling: boolean;
  readonly resave: boolean;
  readonly saveUninitialized: boolean;
  /** express-session's `proxy`: null leaves it unset (it then follows `trust proxy`). */
  readonly proxy: boolean | null;
  /** `app.set('trust proxy', 1)`. */
  readonly trustProxy: boolean;
  readonly app: AppBehaviour;
}

/** express-session's own defaults, and an app with no session hygiene. */
export const DEFAULT_CONFIG: DemoConfig = {
  store: 'memory',
  name: 'connect.sid',
  secret: null,
  cookie: {
    secure: false,
    httpOnly: true,
    sameSite: null,
    maxAge: null,
    domain: null,
    path: '/',
    partitioned: false,
    priority: null,
  },
  rolling: false,
  resave: true,
  saveUninitialized: true,
  proxy: null,
  trustProxy: false,
  app: {
    regenerateOnLogin: false,
    logout: 'forget-user',
    adoptClientIds: false,
    countVisits: false,
    hsts: false,
    noStore: false,
    idInLinks: false,
  },
};

const HOUR = 60 * 60 * 1000;

export const PRESETS = {
  defaults: DEFAULT_CONFIG,
  tutorial: {
    ...DEFAULT_CONFIG,
    cookie: { ...DEFAULT_CONFIG.cookie, maxAge: HOUR, httpOnly: true, secure: false, sameSite: 'strict' },
  },
  insecure: {
    ...DEFAULT_CONFIG,
    cookie: { ...DEFAULT_CONFIG.cookie, secure: false, httpOnly: false, sameSite: 'none' },
  },
  hardened: {
    ...DEFAULT_CONFIG,
    name: '__Host-sid',
    cookie: { ...DEFAULT_CONFIG.cookie, secure: true, httpOnly: true, sameSite: 'strict', maxAge: HOUR / 4 },
    resave: false,
    saveUninitialized: false,
    // Counting visits writes the session on the first page, so there is a cookie to grade before a login.
    app: { ...DEFAULT_CONFIG.app, regenerateOnLogin: true, logout: 'destroy', countVisits: true, hsts: true, noStore: true },
  },
  /** The logout that only clears the cookie: a copy of the old cookie still logs in. */
  'clear-cookie-logout': { ...DEFAULT_CONFIG, app: { ...DEFAULT_CONFIG.app, logout: 'clear-cookie' } },
  /** Session fixation as PHP's default allows it: a planted id is adopted and kept through the login. */
  'fixation-vulnerable': { ...DEFAULT_CONFIG, app: { ...DEFAULT_CONFIG.app, adoptClientIds: true, regenerateOnLogin: false } },
} as const satisfies Record<string, DemoConfig>;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** Largest maxAge accepted: 10 years, enough to show the browsers' 400-day cap. */
export const MAX_MAX_AGE = 10 * 365 * 24 * HOUR;

type Result = { readonly ok: true; readonly config: DemoConfig } | { readonly ok: false; readonly error: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What the `cookie` package that express-session serialises with accepts as a Domain (RFC 1034 labels). */
const DOMAIN = /^\.?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** A Path the `cookie` package accepts (no ";" and no "<", which it refuses), without spaces. */
const PATH = /^\/[\x21-\x3a\x3d-\x7e]*$/;

/**
 * A name that reads back: `cookie.parse`, which express-session uses, fills a plain object, so a
 * name that is a property of Object.prototype (`__proto__`, `constructor`) never finds its session.
 */
const readsBack = (name: string) => !(name in Object.prototype);

interface Field {
  readonly allowed: string;
  readonly valid: (value: unknown) => boolean;
}

const boolean: Field = { allowed: 'true or false', valid: (v) => typeof v === 'boolean' };

/** Every field a PUT may set, by its dotted path, with what it accepts. */
const FIELDS: Readonly<Record<string, Field>> = {
  store: {
    allowed:
      '"memory" (express-session\'s MemoryStore), "sqlite" (a SQLite file through Sequelize and connect-session-sequelize) or "redis" (the Redis server at REDIS_URL, through connect-redis)',
    valid: (v) => (STORE_KINDS as readonly unknown[]).includes(v),
  },
  name: {
    allowed: "a cookie name (letters, digits and !#$%&'*+.^_`|~-, 1 to 64 characters, not a name like __proto__ that express-session cannot read back)",
    valid: (v) => typeof v === 'string' && v.length <= 64 && TOKEN.test(v) && readsBack(v),
  },
  secret: {
    allowed: 'null (the server\'s own secret) or a string of 1 to 128 characters, e.g. "keyboard cat" or "some secret"',
    valid: (v) => v === null || (typeof v === 'string' && v.length >= 1 && v.length <= 128),
  },
  'cookie.secure': { allowed: 'true, false or "auto"', valid: (v) => typeof v === 'boolean' || v === 'auto' },
  'cookie.httpOnly': boolean,
  'cookie.sameSite': {
    allowed: 'null, "lax", "strict", "none", true or false',
    valid: (v) => v === null || typeof v === 'boolean' || v === 'lax' || v === 'strict' || v === 'none',
  },
  'cookie.maxAge': {
    allowed: `null or a whole number of milliseconds from 0 to ${MAX_MAX_AGE}`,
    valid: (v) => v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_MAX_AGE),
  },
  'cookie.domain': {
    allowed: 'null or a host name such as "localhost" or ".example.test"',
    valid: (v) => v === null || (typeof v === 'string' && v.length <= 253 && DOMAIN.test(v)),
  },
  'cookie.path': {
    allowed: 'a path starting with "/" (no ";", "<", spaces or control characters, up to 256 characters)',
    valid: (v) => typeof v === 'string' && v.length <= 256 && PATH.test(v),
  },
  'cookie.partitioned': boolean,
  'cookie.priority': {
    allowed: 'null, "low", "medium" or "high"',
    valid: (v) => v === null || v === 'low' || v === 'medium' || v === 'high',
  },
  rolling: boolean,
  resave: boolean,
  saveUninitialized: boolean,
  proxy: { allowed: 'null, true or false', valid: (v) => v === null || typeof v === 'boolean' },
  trustProxy: boolean,
  'app.regenerateOnLogin': boolean,
  'app.logout': {
    allowed: '"destroy", "forget-user" or "clear-cookie"',
    valid: (v) => (LOGOUT_MODES as readonly unknown[]).includes(v),
  },
  /** The former toggle, still accepted: true is `logout: "destroy"`, false `logout: "forget-user"`. */
  'app.destroyOnLogout': boolean,
  'app.adoptClientIds': boolean,
  'app.countVisits': boolean,
  'app.hsts': boolean,
  'app.noStore': boolean,
  'app.idInLinks': boolean,
};

const GROUPS = new Set(['cookie', 'app']);

/** The field's rule; only the table's own keys count (`constructor`, `__proto__` are unknown fields). */
function fieldAt(path: string): Field | undefined {
  return Object.hasOwn(FIELDS, path) ? FIELDS[path] : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies a partial update to `current`. Any unknown key, wrong type or out-of-range value
 * rejects the whole update with a message naming the field and what it accepts.
 */
export function applyConfigPatch(current: DemoConfig, patch: unknown): Result {
  if (!isPlainObject(patch)) return { ok: false, error: 'the body must be a JSON object (a part of the configuration)' };
  // Every key is checked against the table before it is written, and written with defineProperty,
  // so a `__proto__` key from JSON.parse can never reach a prototype.
  const next: Record<string, unknown> = { ...current, cookie: { ...current.cookie }, app: { ...current.app } };
  const write = (target: Record<string, unknown>, key: string, value: unknown) =>
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(patch)) {
    if (GROUPS.has(key)) {
      if (!isPlainObject(value)) return { ok: false, error: `"${key}" must be an object` };
      for (const [inner, innerValue] of Object.entries(value)) {
        const error = checkField(`${key}.${inner}`, innerValue);
        if (error) return { ok: false, error };
        if (key === 'app' && inner === 'destroyOnLogout') write(next.app as Record<string, unknown>, 'logout', innerValue ? 'destroy' : 'forget-user');
        else write(next[key] as Record<string, unknown>, inner, innerValue);
      }
      continue;
    }
    const error = checkField(key, value);
    if (error) return { ok: false, error };
    write(next, key, value);
  }
  return { ok: true, config: next as unknown as DemoConfig };
}

function checkField(path: string, value: unknown): string | null {
  const field = fieldAt(path);
  if (field === undefined) {
    return `unknown field "${path}"; known fields: ${Object.keys(FIELDS).join(', ')}`;
  }
  return field.valid(value) ? null : `"${path}" must be ${field.allowed}; got ${JSON.stringify(value) ?? String(value)}`;
}

/** JSON with sorted keys: equal configurations give equal text, whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The preset `config` equals (whatever its store), or null when it is a configuration of its own. */
export function activePreset(config: DemoConfig): PresetName | null {
  const text = canonical({ ...config, store: DEFAULT_CONFIG.store });
  return (Object.keys(PRESETS) as PresetName[]).find((name) => canonical(PRESETS[name]) === text) ?? null;
}

/** A preset applied to a running server: every option of the preset, and the store in use. */
export function presetConfig(name: PresetName, current: DemoConfig): DemoConfig {
  return { ...PRESETS[name], store: current.store };
}
