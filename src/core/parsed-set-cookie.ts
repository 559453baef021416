/** The effective SameSite enforcement, or `Unrecognized` for a value the browser maps to "Default". */
export type SameSiteAttribute = 'Strict' | 'Lax' | 'None' | 'Unrecognized';

/** Why a browser drops the whole line before it looks at any attribute (RFC 6265bis 5.6 steps 1-6). */
export type ParseRejection =
  /** A %x00-08 / %x0A-1F / %x7F character anywhere in the line (step 1). */
  | 'control-character'
  /** Both the name and the value are empty (step 5). */
  | 'empty-name-and-value'
  /** An empty name with a value that starts with `__Secure-`, `__Host-` or `__Http-` (RFC 6265bis 4.1.3.3). */
  | 'nameless-prefixed-value'
  /** Chromium only: a tab inside the name or the value (the draft exempts HTAB). */
  | 'tab-in-name-or-value'
  /** Chromium only: a tab inside an attribute's name or value, once trimmed (`Sec\ture`, `Path=/a\tb`). */
  | 'tab-in-attribute'
  /** Chromium only: an empty name and a value that contains "=" (`=a=b`: it would read back as a name). */
  | 'nameless-value-with-equals'
  /** Firefox only: an empty name written with "=" (`=value`; pref network.cookie.block_nameless_with_equal_char). */
  | 'nameless-with-equals';

/** Something the browser throws away or overrides, kept so the panel can explain it. */
export type ParseDiagnostic =
  /** An earlier occurrence of an attribute that a later one replaced (last occurrence wins). */
  | { readonly kind: 'overridden-attribute'; readonly attribute: KnownAttribute; readonly text: string }
  /** An attribute name the browser does not know; it has no effect. */
  | { readonly kind: 'unknown-attribute'; readonly text: string }
  /** A Max-Age that is not an optional `-` followed by digits (RFC 6265bis 5.6.2). */
  | { readonly kind: 'invalid-max-age'; readonly text: string }
  /** An Expires that is not a cookie-date (RFC 6265bis 5.6.1). */
  | { readonly kind: 'invalid-expires'; readonly text: string }
  /** A SameSite value other than Strict, Lax or None: enforcement "Default" (RFC 6265bis 5.6.7). */
  | { readonly kind: 'invalid-samesite'; readonly text: string }
  /** A Path that is empty or does not start with `/`: the default path is used (RFC 6265bis 5.6.4). */
  | { readonly kind: 'invalid-path'; readonly text: string }
  /** An empty Domain value: ignored, the cookie stays host-only (RFC 6265bis 5.6.3). */
  | { readonly kind: 'empty-domain'; readonly text: string }
  /** An attribute value over 1024 bytes: ignored (RFC 6265bis 5.6 "cookie-av" length limit). */
  | { readonly kind: 'attribute-oversize'; readonly attribute: string; readonly bytes: number };

export type KnownAttribute = 'Expires' | 'Max-Age' | 'Domain' | 'Path' | 'Secure' | 'HttpOnly' | 'SameSite' | 'Partitioned' | 'Priority';

/**
 * One Set-Cookie line as a browser reads it: the effective attributes (after last-wins and after
 * ignoring invalid values) plus what the browser discarded. Fields that were absent are `null`
 * (or `false` for flags) so every result has the same shape.
 */
export interface ParsedSetCookie {
  /** The header value exactly as received. */
  readonly raw: string;
  readonly name: string;
  readonly value: string;
  /** Epoch milliseconds of the winning valid Expires attribute. */
  readonly expires: number | null;
  /** Seconds of the winning valid Max-Age attribute, before the browser's 400-day cap. */
  readonly maxAge: number | null;
  /** Lower-cased, one leading dot removed; `null` when there is no (non-empty) Domain. */
  readonly domain: string | null;
  /** The winning Path when it starts with `/`; `null` means the default path (RFC 6265bis 5.1.4). */
  readonly path: string | null;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: SameSiteAttribute | null;
  readonly partitioned: boolean;
  /** Chrome's non-standard Priority attribute (Low, Medium, High), as written. */
  readonly priority: string | null;
  /** Set when the browser ignores the whole line. */
  readonly rejection: ParseRejection | null;
  /** What the browser discarded or overrode; a shared empty array when nothing was. */
  readonly diagnostics: readonly ParseDiagnostic[];
}
