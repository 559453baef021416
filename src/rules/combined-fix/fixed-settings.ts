/**
 * What "every fix applied" means for one session cookie, whatever its framework (issue 11): the
 * settings the combined fix writes, from the cookie's finding ids (rubric sections 4 and 5). The
 * cookie part is always written whole, at the values that meet the A+ conditions of rubric
 * section 3 (a `__Host-` name, Secure, HttpOnly, SameSite=Strict, `Path=/`, no Domain); the rest
 * only when a finding asks for it.
 */

const LIFETIME_FINDINGS = ['lifetime-hour', 'lifetime-day', 'lifetime-week', 'lifetime-over-cap'];
const RENAME_FINDINGS = ['prefix-none', 'prefix-secure-only', 'name-default', 'rejected-prefix'];
const INSECURE_FINDINGS = ['secure-missing', 'rejected-secure-from-insecure', 'sent-over-http'];

export interface FixedSettings {
  /** The cookie's name: its own when it is already a `__Host-` name that names no framework, else the framework's `__Host-` name. */
  readonly keepsName: boolean;
  /** A lifetime finding: at most one hour (3600 s is not "longer than an hour"), or a browser-session cookie. */
  readonly shortLifetime: boolean;
  /** The cookie was not Secure: behind a TLS-terminating proxy the framework must trust it, or it sends no Secure cookie. */
  readonly behindProxy: boolean;
  /** `cache-control-missing`: the responses that set it need `Cache-Control: no-store`. */
  readonly noStore: boolean;
  /** `hsts-missing`. */
  readonly hsts: boolean;
  /** `value-carries-data`: the data belongs in a server-side store. */
  readonly serverSide: boolean;
  /** `id-in-url`: ids in cookies only. */
  readonly cookiesOnly: boolean;
  /** `no-rotation-on-login`. */
  readonly rotateAtLogin: boolean;
  /** `logout-not-cleared`. */
  readonly clearAtLogout: boolean;
}

export function fixedSettings(findingIds: readonly string[]): FixedSettings {
  const has = (id: string) => findingIds.includes(id);
  const any = (ids: readonly string[]) => ids.some(has);
  return {
    keepsName: !any(RENAME_FINDINGS),
    shortLifetime: any(LIFETIME_FINDINGS),
    behindProxy: any(INSECURE_FINDINGS),
    noStore: has('cache-control-missing'),
    hsts: has('hsts-missing'),
    serverSide: has('value-carries-data'),
    cookiesOnly: has('id-in-url'),
    rotateAtLogin: has('no-rotation-on-login'),
    clearAtLogout: has('logout-not-cleared'),
  };
}

/** The name the fixed cookie carries: its own, or the framework's `__Host-` name. */
export function fixedName(settings: FixedSettings, cookieName: string, hostName: string): string {
  return settings.keepsName && cookieName.toLowerCase().startsWith('__host-') ? cookieName : hostName;
}

/** A block's lines, without those a setting left empty. */
export function codeLines(lines: readonly string[]): string {
  return lines.filter(Boolean).join('\n');
}
