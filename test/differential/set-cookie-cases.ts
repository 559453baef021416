/**
 * The differential corpus: Set-Cookie lines and the origin each is sent from. Every attribute,
 * case and spacing variant, invalid values, prefixes, Partitioned, oversize lines, Domain and Path
 * edge cases, Secure over plain http on a name that is not localhost, and every line of the
 * public suites.
 */

import { readFileSync } from 'node:fs';

/** secure: https://app.sessions.test; insecure: http://app.sessions.test; local: http://localhost */
export type CaseOrigin = 'secure' | 'insecure' | 'local';

export interface SetCookieCase {
  readonly label: string;
  readonly header: string;
  readonly origin: CaseOrigin;
  /** Request path; the default cookie path is its directory. */
  readonly path: string;
}

const FUTURE = 'Wed, 21 Oct 2037 07:28:00 GMT';
const PAST = 'Thu, 01 Jan 1970 00:00:01 GMT';

const attributeVariants: readonly (readonly [string, string])[] = [
  ['no attributes', ''],
  ['Secure', '; Secure'],
  ['HttpOnly', '; HttpOnly'],
  ['Secure HttpOnly', '; Secure; HttpOnly'],
  ['SameSite=Strict', '; SameSite=Strict'],
  ['SameSite=Lax', '; SameSite=Lax'],
  ['SameSite=None Secure', '; SameSite=None; Secure'],
  ['SameSite=None without Secure', '; SameSite=None'],
  ['SameSite=invalid', '; SameSite=sometimes'],
  ['SameSite empty', '; SameSite='],
  ['SameSite without value', '; SameSite'],
  ['Max-Age=60', '; Max-Age=60'],
  ['Max-Age=0', '; Max-Age=0'],
  ['Max-Age=-1', '; Max-Age=-1'],
  ['Max-Age invalid', '; Max-Age=soon'],
  ['Max-Age with plus', '; Max-Age=+60'],
  ['Max-Age over 400 days', '; Max-Age=99999999'],
  ['Expires future', `; Expires=${FUTURE}`],
  ['Expires past', `; Expires=${PAST}`],
  ['Expires invalid', '; Expires=tomorrow'],
  ['Max-Age and past Expires', `; Expires=${PAST}; Max-Age=60`],
  ['Path=/', '; Path=/'],
  ['Path=/case', '; Path=/case'],
  ['Path without slash', '; Path=case'],
  ['Path empty', '; Path='],
  ['Domain host', '; Domain=app.sessions.test'],
  ['Domain parent', '; Domain=sessions.test'],
  ['Domain parent with dot', '; Domain=.sessions.test'],
  ['Domain other', '; Domain=other.test'],
  ['Domain TLD', '; Domain=test'],
  ['Domain empty', '; Domain='],
  ['Domain parent, then an empty Domain', '; Domain=sessions.test; Domain='],
  ['Domain upper case', '; Domain=SESSIONS.TEST'],
  ['Partitioned Secure', '; Partitioned; Secure'],
  ['Partitioned without Secure', '; Partitioned'],
  ['Priority', '; Priority=High'],
  ['unknown attribute', '; Comment=hello; Version=1'],
  ['duplicate SameSite', '; SameSite=None; SameSite=Lax'],
  ['duplicate Path', '; Path=/x; Path=/'],
  ['duplicate Max-Age', '; Max-Age=60; Max-Age=120'],
  ['flag with value', '; Secure=false; HttpOnly=0'],
];

const nameValueVariants: readonly (readonly [string, string])[] = [
  ['plain', 'sid=abc123'],
  ['express-session value', 'connect.sid=s%3AXk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd.sig%2Bsig'],
  ['equals in value', 'token=a=b=c'],
  ['quoted value', 'q="quoted value"'],
  ['spaces around', '  spaced  =  v a l  '],
  ['tab around', '\ttabbed\t=\tv\t'],
  ['empty value', 'empty='],
  ['no equals', 'justavalue'],
  ['empty name', '=onlyvalue'],
  ['empty name and value', '='],
  ['comma in value', 'list=a,b,c'],
  ['JSON value', 'prefs={"a":1}'],
  ['base64 value', 'b64=eyJ1c2VyIjoiYm9iIn0='],
  ['dollar name', '$Version=1'],
  ['hyphen underscore name', 'my-cookie_name=v'],
  ['percent value', 'pct=100%25'],
  ['backslash value', 'bs=a\\b'],
  ['long name', `${'n'.repeat(200)}=v`],
  ['long value', `long=${'v'.repeat(3000)}`],
  ['name+value 4096 bytes', `max=${'v'.repeat(4092)}`],
  ['name+value 4097 bytes', `over=${'v'.repeat(4092)}`],
  ['tab inside value', 'tabv=a\tb'],
  ['tab inside name', 'ta\tb=v'],
  ['no equals, then attributes', 'bare; Secure'],
  ['empty name with spaces', ' = spaced'],
  ['control character', 'ctl=a\u0001b'],
  ['DEL character', 'del=a\u007fb'],
  ['non-ASCII value', 'utf=caf\u00e9'],
];

const expiresVariants: readonly (readonly [string, string])[] = [
  ['IMF-fixdate', 'Wed, 21 Oct 2037 07:28:00 GMT'],
  ['RFC 850 dashes', 'Wednesday, 21-Oct-37 07:28:00 GMT'],
  ['asctime', 'Wed Oct 21 07:28:00 2037'],
  ['dashes four-digit year', 'Wed, 21-Oct-2037 07:28:00 GMT'],
  ['lower case month', 'Wed, 21 oct 2037 07:28:00 GMT'],
  ['no weekday', '21 Oct 2037 07:28:00 GMT'],
  ['single-digit time', 'Wed, 21 Oct 2037 7:8:9 GMT'],
  ['two-digit year 69', 'Tue, 01 Jan 69 00:00:00 GMT'],
  ['two-digit year 70', 'Thu, 01 Jan 70 00:00:00 GMT'],
  ['year 2100', 'Fri, 01 Jan 2100 00:00:00 GMT'],
  ['leap day', 'Mon, 29 Feb 2032 12:00:00 GMT'],
  ['Feb 30', 'Mon, 30 Feb 2032 12:00:00 GMT'],
  ['hour 24', 'Wed, 21 Oct 2037 24:00:00 GMT'],
  ['day 32', 'Wed, 32 Oct 2037 07:28:00 GMT'],
  ['no time', 'Wed, 21 Oct 2037'],
  ['empty', ''],
  ['words', 'never'],
  ['year 1600', 'Sat, 01 Jan 1600 00:00:00 GMT'],
  ['extra spaces', '  Wed,  21   Oct 2037   07:28:00   GMT  '],
  ['ISO 8601', '2037-10-21T07:28:00Z'],
  // Where Firefox's date reader is more lenient than RFC 6265bis 5.1.1.
  ['Feb 31', 'Tue, 31 Feb 2032 12:00:00 GMT'],
  ['Apr 31', 'Sat, 31 Apr 2032 12:00:00 GMT'],
  ['hour 25', 'Wed, 21 Oct 2037 25:00:00 GMT'],
  ['minute 60', 'Wed, 21 Oct 2037 07:60:00 GMT'],
  ['second 60', 'Wed, 21 Oct 2037 07:28:60 GMT'],
  ['day 0', 'Wed, 00 Oct 2037 07:28:00 GMT'],
  ['no time, no weekday', '21 Oct 2037'],
  ['time only', '07:28:00'],
  ['no year', 'Wed, 21 Oct 07:28:00 GMT'],
  ['near past, no time', 'Thu, 01 Jan 2015'],
  ['year 1601', 'Mon, 01 Jan 1601 00:00:00 GMT'],
  ['year 10000', 'Sat, 01 Jan 10000 00:00:00 GMT'],
];

const maxAgeVariants: readonly string[] = [
  ...['1', '59', '3600', '86400', '604800', '34560000', '34560001', '0', '-5', '00060', '1.5', '60s', ' 60', '', '-', '9'.repeat(30)],
  // Signs: Chromium takes "+", Firefox does not.
  ...['+0', '-0', '+', '--1', '+-1', '-+1'],
];

const spellingVariants: readonly (readonly [string, string])[] = [
  ['lower-case attributes', '; secure; httponly; samesite=lax; path=/; max-age=60'],
  ['upper-case attributes', '; SECURE; HTTPONLY; SAMESITE=LAX; PATH=/; MAX-AGE=60'],
  ['mixed-case attributes', '; sEcUrE; hTtPoNlY; SaMeSiTe=sTrIcT; pAtH=/'],
  ['spaces around equals', '; Max-Age = 60 ; Path = / ; SameSite = Lax'],
  ['no spaces', ';Secure;HttpOnly;Path=/'],
  ['trailing semicolon', '; Path=/;'],
  ['empty attributes', ';;; ; Path=/'],
  ['tabs', ';\tSecure;\tPath=/'],
  ['SameSite value case', '; SameSite=lAx'],
  ['SameSite quoted', '; SameSite="Lax"'],
  ['Max-Age leading zeros', '; Max-Age=0060'],
  ['Domain with port', '; Domain=app.sessions.test:8080'],
  ['Domain leading two dots', '; Domain=..sessions.test'],
  ['Domain trailing dot', '; Domain=sessions.test.'],
  ['Path with query', '; Path=/case?x=1'],
  ['Path attribute over 1024 bytes', `; Path=/${'p'.repeat(1100)}`],
  ['Domain attribute over 1024 bytes', `; Domain=${'d'.repeat(1100)}.test`],
  ['Path exactly 1024 bytes', `; Path=/${'p'.repeat(1023)}`],
];

const prefixVariants: readonly (readonly [string, string])[] = [
  ['__Secure- with Secure', '__Secure-sid=1; Secure; Path=/'],
  ['__Secure- without Secure', '__Secure-sid=1; Path=/'],
  ['__Secure- with Domain', '__Secure-sid=1; Secure; Domain=sessions.test'],
  ['__Host- valid', '__Host-sid=1; Secure; Path=/'],
  ['__Host- without Secure', '__Host-sid=1; Path=/'],
  ['__Host- with Domain', '__Host-sid=1; Secure; Path=/; Domain=app.sessions.test'],
  ['__Host- without Path', '__Host-sid=1; Secure'],
  ['__Host- Path=/case', '__Host-sid=1; Secure; Path=/case'],
  ['__host- lower case', '__host-sid=1; Path=/'],
  ['__SECURE- upper case', '__SECURE-sid=1; Path=/'],
  ['__Host- valid lower case', '__host-sid=1; Secure; Path=/'],
  ['nameless __Host- value', '__Host-sid; Secure; Path=/'],
  ['nameless __Secure- value', '=__Secure-x; Secure'],
  ['__Http- looks like a prefix', '__Http-sid=1; Secure; Path=/'],
  ['__Http- with Secure and HttpOnly', '__Http-sid=1; Secure; HttpOnly; Path=/'],
  ['__Host-Http- with everything', '__Host-Http-sid=1; Secure; HttpOnly; Path=/'],
  ['__Host-Http- without HttpOnly', '__Host-Http-sid=1; Secure; Path=/'],
  ['nameless __Http- value', '=__Http-sid=1; Secure; HttpOnly; Path=/'],
];

interface SuiteFiles {
  readonly ietf: readonly { readonly test: string; readonly received: readonly string[] }[];
  readonly wpt: { readonly cases: readonly { readonly id: string; readonly kind: string; readonly lines: readonly string[] }[] };
  readonly lib: { readonly cases: readonly { readonly src: string; readonly name: string; readonly header: string }[] };
}

const suiteFile = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/peer-suites/${name}`, import.meta.url), 'utf8')) as T;

/**
 * Every distinct Set-Cookie line of the public suites (test/fixtures/peer-suites/: the IETF
 * http-state parser tests, web-platform-tests' cookie lines, jshttp/cookie and set-cookie-parser),
 * labelled by the first case that sends it: what the real browsers store for each is the judge.
 */
export function publicSuiteLines(): { readonly label: string; readonly header: string }[] {
  const files: SuiteFiles = { ietf: suiteFile('ietf-parser.json'), wpt: suiteFile('wpt-cases.json'), lib: suiteFile('lib-cases.json') };
  const lines = new Map<string, string>();
  const add = (label: string, header: string) => {
    // A CR, LF or NUL cannot travel inside one header line: those few lines (2 of http-state's,
    // 1 of wpt's) stay with the suites' own tests, which read them as the browsers' parsers do.
    if (/[\r\n\0]/.test(header)) return;
    if (!lines.has(header)) lines.set(header, label);
  };
  for (const testCase of files.ietf) testCase.received.forEach((line, index) => add(`http-state ${testCase.test} line ${index + 1}`, line));
  // Every wpt line, those its tests write through document.cookie too: sent here as Set-Cookie.
  for (const testCase of files.wpt.cases) testCase.lines.forEach((line, index) => add(`wpt ${testCase.id} line ${index + 1}`, line));
  for (const testCase of files.lib.cases) add(`${testCase.src}: ${testCase.name}`, testCase.header);
  return [...lines].map(([header, label]) => ({ label, header }));
}

export function differentialCases(): SetCookieCase[] {
  const cases: SetCookieCase[] = [];
  const add = (label: string, header: string, origin: CaseOrigin, path = '/case/dir/page') =>
    cases.push({ label: `${label} [${origin}]`, header, origin, path });

  for (const origin of ['secure', 'insecure'] as const) {
    for (const [label, attributes] of attributeVariants) add(label, `c=v${attributes}`, origin);
    for (const [label, attributes] of spellingVariants) add(label, `c=v${attributes}`, origin);
    for (const [label, header] of prefixVariants) add(label, header, origin);
  }
  for (const [label, attributes] of attributeVariants) add(label, `c=v${attributes}`, 'local');
  for (const [label, attributes] of spellingVariants) add(label, `c=v${attributes}`, 'local');
  for (const [label, header] of prefixVariants) add(label, header, 'local');
  for (const origin of ['secure', 'insecure'] as const) {
    for (const [label, nameValue] of nameValueVariants) add(label, `${nameValue}; Path=/`, origin);
  }
  for (const [label, date] of expiresVariants) add(`Expires ${label}`, `c=v; Expires=${date}`, 'secure');
  for (const value of maxAgeVariants) add(`Max-Age ${JSON.stringify(value)}`, `c=v; Max-Age=${value}`, 'secure');
  for (const path of ['/', '/case', '/case/', '/case/dir', '/case/dir/', '/case/dir/page/more']) {
    add(`default path for ${path}`, 'c=v', 'secure', path === '/' ? '/' : path);
  }
  for (const { label, header } of publicSuiteLines()) add(label, header, 'secure');
  return cases;
}
