/**
 * Cases of the public suites whose expectation RFC 6265bis replaced (the suites predate it), and
 * cases where a browser departs from the draft: each with the reason and the outcome we expect
 * instead. They run like every other case; nothing is skipped.
 */
import { KNOWN_DIFFERENCES } from '../../src/browsers/known-differences.js';
import type { Reader } from '../../src/core/reader.js';

type Pairs = readonly { readonly name: string; readonly value: string }[];

export interface Expectation<T> {
  readonly reason: string;
  readonly expected: T;
}

const NAMELESS =
  'RFC 6265bis 5.6 steps 3-5 keep a nameless cookie (a pair without "=", or with an empty name): the value alone is sent. http-state predates it and ignored such lines.';
const CONTROL =
  'RFC 6265bis 5.6 step 1: a control character (other than HTAB) anywhere in the line makes the browser ignore the whole line; http-state truncated the value at it.';
const EMPTY_DOMAIN =
  'RFC 6265bis (current draft) and Chromium: an empty Domain that comes last makes the cookie host-only, so it is stored and sent to its host.';

/** http-state parser tests, by test id: what a request sends under RFC 6265bis. */
export const IETF_SUPERSEDED: Readonly<Record<string, Expectation<Pairs>>> = {
  '0004': { reason: NAMELESS, expected: [{ name: '', value: 'foo' }] },
  '0021': {
    reason: NAMELESS,
    expected: [
      { name: 'a', value: 'b' },
      { name: '', value: 'x' },
      { name: 'c', value: 'd' },
    ],
  },
  '0023': { reason: NAMELESS, expected: [{ name: '', value: 'foo' }] },
  '0024': { reason: `${NAMELESS} The second line, "=", has neither name nor value and is ignored.`, expected: [{ name: '', value: 'foo' }] },
  '0025': { reason: NAMELESS, expected: [{ name: '', value: 'foo' }] },
  '0026': { reason: NAMELESS, expected: [{ name: '', value: 'foo' }] },
  '0027': { reason: `${NAMELESS} Both lines write the one nameless cookie: the later value wins.`, expected: [{ name: '', value: 'bar' }] },
  '0028': { reason: NAMELESS, expected: [{ name: '', value: 'foo' }] },
  CHROMIUM0009: { reason: NAMELESS, expected: [{ name: '', value: 'BLAHHH' }] },
  CHROMIUM0010: { reason: NAMELESS, expected: [{ name: '', value: '"BLA\\"HHH"' }] },
  CHROMIUM0012: { reason: NAMELESS, expected: [{ name: '', value: 'ABC' }] },
  DISABLED_CHROMIUM0022: { reason: CONTROL, expected: [] },
  DISABLED_CHROMIUM0023: { reason: CONTROL, expected: [] },
  DISABLED_PATH0029: {
    reason:
      'The suite disables this case itself: browsers match the request path as written, without percent-decoding ("/f%6Fo" is not "/foo"), so the cookie is not sent.',
    expected: [],
  },
  MOZILLA0012: {
    reason: NAMELESS,
    expected: [
      { name: 'test', value: '"fubar! = foo' },
      { name: '', value: 'five' },
    ],
  },
  MOZILLA0014: { reason: NAMELESS, expected: [{ name: '', value: 'six' }] },
  MOZILLA0015: { reason: `${NAMELESS} The later line replaces the earlier.`, expected: [{ name: '', value: 'seven' }] },
  MOZILLA0016: { reason: `${NAMELESS} " =eight" has an empty name too.`, expected: [{ name: '', value: 'eight' }] },
  MOZILLA0017: {
    reason: NAMELESS,
    expected: [
      { name: '', value: 'eight' },
      { name: 'test', value: 'six' },
    ],
  },
  NAME0017: { reason: NAMELESS, expected: [{ name: '', value: 'a=bar' }] },
  NAME0023: { reason: NAMELESS, expected: [{ name: '', value: 'foo' }] },
  NAME0025: { reason: NAMELESS, expected: [{ name: '', value: '==a=bar' }] },
  NAME0028: { reason: NAMELESS, expected: [{ name: '', value: 'a' }] },
  NAME0031: { reason: `${NAMELESS} The pair ends at the first ";", quotes or not.`, expected: [{ name: '', value: '"foo' }] },
  NAME0032: { reason: `${NAMELESS} The pair ends at the first ";", quotes or not.`, expected: [{ name: '', value: '"foo\\"bar' }] },
  NAME0033: { reason: NAMELESS, expected: [{ name: '', value: 'aaa' }] },
  OPTIONAL_DOMAIN0042: { reason: EMPTY_DOMAIN, expected: [{ name: 'foo', value: 'bar' }] },
};

/** Where a browser's reading gives another outcome than the draft's, by reader and case id. */
const FIREFOX_NO_EQUALS = 'Firefox reads a pair without "=" as a name with an empty value (measured by the Firefox differential).';
const FIREFOX_DROPS_EMPTY_NAME = 'Firefox drops a pair with an empty name written with "=" (`=value`), as the suite expected.';

/** Chromium drops a nameless cookie whose value contains "=" (measured by the Chromium differential, public suites' lines). */
const CHROMIUM_NAMELESS_EQUALS = KNOWN_DIFFERENCES.namelessValueWithEquals.text;

export const IETF_BY_BROWSER: Readonly<Partial<Record<Reader, Readonly<Record<string, Expectation<Pairs>>>>>> = {
  chromium: {
    NAME0017: { reason: CHROMIUM_NAMELESS_EQUALS, expected: [] },
    NAME0025: { reason: CHROMIUM_NAMELESS_EQUALS, expected: [] },
  },
  firefox: {
    '0004': { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    '0021': {
      reason: FIREFOX_DROPS_EMPTY_NAME,
      expected: [
        { name: 'a', value: 'b' },
        { name: 'c', value: 'd' },
      ],
    },
    '0023': { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    '0024': { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    '0025': { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    '0026': { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    '0027': {
      reason: FIREFOX_NO_EQUALS,
      expected: [
        { name: 'foo', value: '' },
        { name: 'bar', value: '' },
      ],
    },
    '0028': { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    CHROMIUM0009: { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'BLAHHH', value: '' }] },
    CHROMIUM0010: { reason: FIREFOX_NO_EQUALS, expected: [{ name: '"BLA\\"HHH"', value: '' }] },
    CHROMIUM0012: { reason: FIREFOX_DROPS_EMPTY_NAME, expected: [] },
    MOZILLA0012: {
      reason: FIREFOX_NO_EQUALS,
      expected: [
        { name: 'test', value: '"fubar! = foo' },
        { name: 'five', value: '' },
      ],
    },
    MOZILLA0014: { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'six', value: '' }] },
    MOZILLA0015: {
      reason: FIREFOX_NO_EQUALS,
      expected: [
        { name: 'six', value: '' },
        { name: 'seven', value: '' },
      ],
    },
    MOZILLA0016: {
      reason: `${FIREFOX_NO_EQUALS} ${FIREFOX_DROPS_EMPTY_NAME}`,
      expected: [
        { name: 'six', value: '' },
        { name: 'seven', value: '' },
      ],
    },
    MOZILLA0017: {
      reason: `${FIREFOX_NO_EQUALS} ${FIREFOX_DROPS_EMPTY_NAME}`,
      expected: [
        { name: 'six', value: '' },
        { name: 'seven', value: '' },
        { name: 'test', value: 'six' },
      ],
    },
    NAME0017: { reason: FIREFOX_DROPS_EMPTY_NAME, expected: [] },
    NAME0023: { reason: FIREFOX_NO_EQUALS, expected: [{ name: 'foo', value: '' }] },
    NAME0025: { reason: FIREFOX_DROPS_EMPTY_NAME, expected: [] },
    NAME0028: { reason: FIREFOX_DROPS_EMPTY_NAME, expected: [] },
    NAME0031: { reason: FIREFOX_NO_EQUALS, expected: [{ name: '"foo', value: '' }] },
    NAME0032: { reason: FIREFOX_NO_EQUALS, expected: [{ name: '"foo\\"bar', value: '' }] },
    NAME0033: { reason: `${FIREFOX_NO_EQUALS} ${FIREFOX_DROPS_EMPTY_NAME}`, expected: [{ name: 'aaa', value: '' }] },
  },
};

/** http-state date tests, by date text. */
export const DATES_SUPERSEDED: Readonly<Record<string, Expectation<string | null>>> = {};

/** jshttp/cookie and set-cookie-parser assertions, by `<src>: <name>`, where a browser reads the line otherwise. */
export const LIBRARY_BY_BROWSER: Readonly<Partial<Record<Reader, Readonly<Record<string, Expectation<Readonly<Record<string, unknown>>>>>>>> = {
  firefox: {
    'jshttp: should handle missing equals sign': { reason: FIREFOX_NO_EQUALS, expected: { name: 'value', value: '' } },
    'scp: no = : empty name, value is the pair': { reason: FIREFOX_NO_EQUALS, expected: { name: 'foo', value: '' } },
    'scp: no = : empty name, with SameSite=None;Secure': {
      reason: FIREFOX_NO_EQUALS,
      expected: { name: 'foo', value: '', sameSite: 'none', secure: true },
    },
  },
};

/** web-platform-tests cases, by id: what `document.cookie` or the request shows instead. */
export const WPT_SUPERSEDED: Readonly<Record<string, Expectation<string>>> = {
  'value/value.html#57': {
    reason:
      'The case feeds "test=13\\nZYX" as one line: over the wire a bare LF ends the header line before the browser parses the cookie, which is what the suite expects. Given the LF inside the line, RFC 6265bis 5.6 step 1 ignores the whole line.',
    expected: '',
  },
  'attributes/resources/domain-child.sub.html#180': { reason: EMPTY_DOMAIN, expected: 'test=42' },
  'attributes/attributes-ctl.sub.html#297': {
    reason:
      'RFC 6265bis 5.6 trims WSP (SP and HTAB) around attribute names, so "Secure\\t" is Secure, and a Secure cookie from http://example.org is rejected (5.7; both browsers do, per the differential tests).',
    expected: '',
  },
  'attributes/attributes-ctl.sub.html#299': {
    reason: 'The last SameSite wins: SameSite=None without Secure is rejected (RFC 6265bis 5.7; both browsers, per the differential tests).',
    expected: '',
  },
  'attributes/attributes-ctl.sub.html#300': {
    reason: 'The trailing tab is trimmed: SameSite=None without Secure is rejected (RFC 6265bis 5.7; both browsers, per the differential tests).',
    expected: '',
  },
};

export const WPT_BY_BROWSER: Readonly<Partial<Record<Reader, Readonly<Record<string, Expectation<string>>>>>> = {
  chromium: {
    'name/name-ctl.html#582': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'value/value-ctl.html#612': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'name/name.html#2': { reason: CHROMIUM_NAMELESS_EQUALS, expected: '' },
    'name/name.html#3': { reason: CHROMIUM_NAMELESS_EQUALS, expected: '' },
    // A tab inside an attribute (Domain, Path, Max-Age, Expires, Secure, HttpOnly): Chromium 156 drops the line.
    'attributes/attributes-ctl.sub.html#288': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'attributes/attributes-ctl.sub.html#290': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'attributes/attributes-ctl.sub.html#292': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'attributes/attributes-ctl.sub.html#294': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'attributes/attributes-ctl.sub.html#296': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
    'attributes/attributes-ctl.sub.html#298': { reason: KNOWN_DIFFERENCES.tab.text, expected: '' },
  },
  firefox: {
    'name/name.html#2': { reason: FIREFOX_DROPS_EMPTY_NAME, expected: '' },
    'name/name.html#3': { reason: FIREFOX_DROPS_EMPTY_NAME, expected: '' },
    'name/name.html#4': { reason: FIREFOX_DROPS_EMPTY_NAME, expected: '' },
    'name/name.html#8': { reason: FIREFOX_NO_EQUALS, expected: 'test6=' },
    'name/name.html#11': { reason: FIREFOX_NO_EQUALS, expected: '"test9=' },
    'name/name.html#12': { reason: FIREFOX_NO_EQUALS, expected: '"test"10=' },
    'name/name.html#13': { reason: `${FIREFOX_NO_EQUALS} ${FIREFOX_DROPS_EMPTY_NAME}`, expected: 'test11=' },
    'name/name.html#14': { reason: FIREFOX_NO_EQUALS, expected: 'test11=; test11a=' },
    'name/name.html#15': { reason: `${FIREFOX_NO_EQUALS} ${FIREFOX_DROPS_EMPTY_NAME}`, expected: 'test11=; test11a=' },
    'name/name.html#16': { reason: `${FIREFOX_NO_EQUALS} ${FIREFOX_DROPS_EMPTY_NAME}`, expected: 'test11=; test11a=; test=11c' },
    'name/name.html#22': { reason: FIREFOX_DROPS_EMPTY_NAME, expected: 'testA=16; testB=16' },
    'name/name.html#23': { reason: FIREFOX_NO_EQUALS, expected: 'test17a=; test17b=' },
    'value/value.html#51': { reason: FIREFOX_NO_EQUALS, expected: 'test7=' },
    'value/value.html#52': { reason: FIREFOX_NO_EQUALS, expected: '"test8"HHH"=' },
    'value/value.html#54': { reason: FIREFOX_DROPS_EMPTY_NAME, expected: '' },
    'attributes/max-age.html#81': { reason: FIREFOX_NO_EQUALS, expected: 'test="9! = foo; test9=' },
    'attributes/invalid.html#104': { reason: FIREFOX_NO_EQUALS, expected: 'test22=' },
    'attributes/invalid.html#105': { reason: FIREFOX_NO_EQUALS, expected: 'testA23=' },
    'attributes/invalid.html#106': { reason: FIREFOX_NO_EQUALS, expected: 'test24=' },
    'attributes/invalid.html#107': { reason: FIREFOX_NO_EQUALS, expected: 'test25=' },
    'size/name-and-value.html#641': { reason: FIREFOX_DROPS_EMPTY_NAME, expected: '' },
  },
};
