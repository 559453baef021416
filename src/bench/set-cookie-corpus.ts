/**
 * A generated corpus of realistic Set-Cookie headers for the benchmark: framework session
 * cookies, analytics cookies, long values, odd spacing and case, and malformed lines. Seeded, so
 * every run measures the same input.
 */

/** Mulberry32: a tiny seeded PRNG, enough for reproducible benchmark input. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

export interface Corpus {
  readonly headers: readonly string[];
  /** The subset whose cookie carries a session id. */
  readonly sessionHeaders: readonly string[];
}

export function generateCorpus(size: number, seed = 42): Corpus {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chars = (alphabet: string, length: number) => {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  };
  const expires = () => new Date(Date.UTC(2027, Math.floor(random() * 12), 1 + Math.floor(random() * 28), 12)).toUTCString();

  const sessionMakers: (() => string)[] = [
    () => `connect.sid=s%3A${chars(BASE64URL, 32)}.${chars(BASE64URL, 43)}; Path=/; Expires=${expires()}; HttpOnly`,
    () => `PHPSESSID=${chars(HEX + 'ghijklmnopqrstuv', 26)}; path=/; HttpOnly; SameSite=Lax`,
    () => `JSESSIONID=${chars(HEX.toUpperCase(), 32)}; Path=/app; Secure; HttpOnly`,
    () => `sessionid=${chars('abcdefghijklmnopqrstuvwxyz0123456789', 32)}; expires=${expires()}; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`,
    () => `__Host-sid=${chars(BASE64URL, 43)}; Path=/; Secure; HttpOnly; SameSite=Strict`,
    () => `_shop_session=${chars(BASE64URL, 200)}--${chars(HEX, 40)}; path=/; secure; HttpOnly; SameSite=Lax`,
    () => `laravel_session=${chars(BASE64URL, 300)}%3D; expires=${expires()}; Max-Age=7200; path=/; httponly; samesite=lax`,
    () => `  SESSION = ${chars(HEX, 36)} ;  Path=/ ;  secure ;HttpOnly;   SameSite = None `,
    () => `ASP.NET_SessionId=${chars('abcdefghijklmnopqrstuvwxyz012345', 24)}; path=/; HttpOnly; SameSite=Lax`,
  ];
  const otherMakers: (() => string)[] = [
    () => `_ga=GA1.2.${Math.floor(random() * 1e9)}.${Math.floor(random() * 1e9)}; Domain=.example.com; Path=/; Expires=${expires()}`,
    () => `_gid=GA1.2.${Math.floor(random() * 1e9)}; Max-Age=86400; Domain=example.com; Path=/`,
    () => `_fbp=fb.1.${Date.UTC(2026, 0, 1)}.${Math.floor(random() * 1e9)}; Max-Age=7776000; Path=/; SameSite=Lax`,
    () => `theme=${pick(['dark', 'light'])}; Path=/; Max-Age=31536000`,
    () => `AWSALB=${chars(BASE64URL + '+/', 120)}; Expires=${expires()}; Path=/`,
    () => `prefs=${encodeURIComponent(JSON.stringify({ lang: 'en', tz: 'UTC', n: Math.floor(random() * 100) }))}; Path=/`,
    () => `tracking=${chars(BASE64URL, 1500)}; Path=/; SECURE; samesite=LAX; PRIORITY=High`,
  ];
  const malformedMakers: (() => string)[] = [
    () => `novalue`,
    () => `=; Path=/`,
    () => `bad=1; Max-Age=soon; Expires=tomorrow; SameSite=yes; Foo=bar`,
    () => `dup=1; Path=/a; Path=/b; Secure; Secure; Max-Age=1; Max-Age=2`,
    () => `ctl=a\u0001b; Path=/`,
    () => `;;; ; =; sid`,
    () => `q="quoted value"; Domain=; Path=noslash`,
  ];

  const headers: string[] = [];
  const sessionHeaders: string[] = [];
  for (let i = 0; i < size; i++) {
    const roll = random();
    if (roll < 0.45) {
      const header = pick(sessionMakers)();
      headers.push(header);
      sessionHeaders.push(header);
    } else if (roll < 0.9) {
      headers.push(pick(otherMakers)());
    } else {
      headers.push(pick(malformedMakers)());
    }
  }
  // Strings built with += are rope ("cons") strings; whichever parser touches them first would pay
  // to flatten them. A JSON round trip hands every parser the same flat strings.
  return JSON.parse(JSON.stringify({ headers, sessionHeaders })) as Corpus;
}
