import { describe, expect, it } from 'vitest';
import { applyConfigPatch, DEFAULT_CONFIG, isPresetName, PRESETS } from './demo-config.js';
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
});

describe('presets', () => {
  it('match their descriptions', () => {
    expect(PRESETS.tutorial.cookie).toMatchObject({ maxAge: 3_600_000, httpOnly: true, secure: false, sameSite: 'strict' });
    expect(PRESETS.insecure.cookie).toMatchObject({ secure: false, httpOnly: false, sameSite: 'none' });
    expect(PRESETS.hardened).toMatchObject({
      name: '__Host-sid',
      cookie: { secure: true, httpOnly: true, sameSite: 'strict', maxAge: 900_000 },
      app: { regenerateOnLogin: true, destroyOnLogout: true, hsts: true, noStore: true },
    });
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
