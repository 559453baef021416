import { describe, expect, it } from 'vitest';
import { activePreset, applyConfigPatch, DEFAULT_CONFIG, isPresetName, presetConfig, PRESETS } from './demo-config.js';
import { sessionCode, sessionOptions } from './session-options.js';

describe('applyConfigPatch', () => {
  it('returns a new configuration and leaves the current one alone', () => {
    const result = applyConfigPatch(DEFAULT_CONFIG, { cookie: { secure: 'auto' } });
    expect(result.ok && result.config.cookie.secure).toBe('auto');
    expect(DEFAULT_CONFIG.cookie.secure).toBe(false);
  });

  it('accepts an empty update', () => {
    expect(applyConfigPatch(DEFAULT_CONFIG, {})).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it('still takes app.destroyOnLogout, as an alias of app.logout "destroy" (true) and "forget-user" (false)', () => {
    const destroy = applyConfigPatch(DEFAULT_CONFIG, { app: { destroyOnLogout: true } });
    expect(destroy.ok && destroy.config.app.logout).toBe('destroy');
    expect(destroy.ok && destroy.config.app).not.toHaveProperty('destroyOnLogout');
    const forget = applyConfigPatch({ ...DEFAULT_CONFIG, app: { ...DEFAULT_CONFIG.app, logout: 'clear-cookie' } }, { app: { destroyOnLogout: false } });
    expect(forget.ok && forget.config.app.logout).toBe('forget-user');
  });

  it('starts on MemoryStore, forgets the user at logout, adopts no client id and counts no visit, as a plain express-session app', () => {
    expect(DEFAULT_CONFIG.store).toBe('memory');
    expect(DEFAULT_CONFIG.app).toMatchObject({ logout: 'forget-user', adoptClientIds: false, countVisits: false });
  });
});

describe('activePreset', () => {
  it('names the preset whatever the store', () => {
    expect(activePreset({ ...PRESETS.hardened, store: 'sqlite' })).toBe('hardened');
    expect(activePreset(presetConfig('fixation-vulnerable', { ...DEFAULT_CONFIG, store: 'sqlite' }))).toBe('fixation-vulnerable');
    expect(presetConfig('tutorial', { ...DEFAULT_CONFIG, store: 'sqlite' }).store).toBe('sqlite');
  });
});

describe('presets', () => {
  it('match their descriptions', () => {
    expect(PRESETS.tutorial.cookie).toMatchObject({ maxAge: 3_600_000, httpOnly: true, secure: false, sameSite: 'strict' });
    expect(PRESETS.insecure.cookie).toMatchObject({ secure: false, httpOnly: false, sameSite: 'none' });
    expect(PRESETS.hardened).toMatchObject({
      name: '__Host-sid',
      cookie: { secure: true, httpOnly: true, sameSite: 'strict', maxAge: 900_000 },
      app: { regenerateOnLogin: true, logout: 'destroy', hsts: true, noStore: true },
    });
    expect(PRESETS['clear-cookie-logout'].app).toMatchObject({ logout: 'clear-cookie' });
    expect(PRESETS['fixation-vulnerable'].app).toMatchObject({ adoptClientIds: true, regenerateOnLogin: false });
    expect(isPresetName('hardened')).toBe(true);
    expect(isPresetName('toString')).toBe(false);
  });
});

describe('sessionOptions and sessionCode', () => {
  it('leave unset options out, as a user would', () => {
    const options = sessionOptions(DEFAULT_CONFIG, 's', undefined);
    expect(options.cookie).toEqual({ secure: false, httpOnly: true, path: '/' });
    expect(options).not.toHaveProperty('proxy');
  });

  it('write the SQLite store as connect-session-sequelize is set up', () => {
    const code = sessionCode({ ...DEFAULT_CONFIG, store: 'sqlite' });
    expect(code).toContain("const SequelizeStore = require('connect-session-sequelize')(session.Store);");
    expect(code).toContain('app.use(session({\n  store,\n');
    expect(sessionCode(DEFAULT_CONFIG)).not.toContain('store');
  });

  it('write the hardened preset as code', () => {
    expect(sessionCode(PRESETS.hardened)).toBe(`app.use(session({
  name: '__Host-sid',
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  rolling: false,
  cookie: {
    secure: true,
    httpOnly: true,
    path: '/',
    sameSite: 'strict',
    maxAge: 900000,
  },
}));`);
  });
});
