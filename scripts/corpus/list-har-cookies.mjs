#!/usr/bin/env node
// Lists, for every HAR in test/corpus/har/, the site it records (from
// test/corpus/har-sources.json) and the first-party cookie names found in it,
// with the SHAPE of their values (length and character classes, never the
// values), and checks test/corpus/har-labels.json covers every such name.
//
//   node scripts/corpus/list-har-cookies.mjs            # all files
//   node scripts/corpus/list-har-cookies.mjs <name>...  # only files whose name contains <name>
//   node scripts/corpus/list-har-cookies.mjs --missing  # only names without a label
//
// Cookie names come from Cookie request headers (name=value; name2=value2),
// from Set-Cookie response headers (one cookie per line; Firefox joins several
// with newlines, Polly.JS may store an array of strings, old Chrome joined
// several with ", "), and from the request/response `cookies` arrays. A cookie
// is first-party when the registrable domain of its Domain attribute (or of the
// request host) equals the site's registrable domain. Exit code 1 when a name
// lacks a label or a label names no cookie.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, 'test', 'corpus');
const args = process.argv.slice(2);
const onlyMissing = args.includes('--missing');
const filters = args.filter((a) => !a.startsWith('--'));

const sources = JSON.parse(readFileSync(join(corpus, 'har-sources.json'), 'utf8'));
let labels = [];
try {
  labels = JSON.parse(readFileSync(join(corpus, 'har-labels.json'), 'utf8'));
} catch {
  labels = [];
}
const siteOf = new Map(sources.map((s) => [s.file, s.site]));
const labelKey = (file, name) => `${file}\u0000${name}`;
const labelled = new Map(labels.map((l) => [labelKey(l.file, l.name), l]));
const used = new Set();

const regDomain = (host) => {
  if (!host) return null;
  const h = host.replace(/^\./, '').toLowerCase();
  return getDomain(h, { allowPrivateDomains: true }) || h;
};
const hostOf = (url) => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};
const shape = (v) => {
  if (v == null) return 'none';
  const s = String(v);
  if (s === '') return 'empty';
  const classes = [];
  if (/^[0-9]+$/.test(s)) classes.push('digits');
  else if (/^[0-9a-f]+$/i.test(s) && /[0-9]/.test(s)) classes.push(/[A-F]/.test(s) && /[a-f]/.test(s) ? 'hex-mixedcase' : 'hex');
  else {
    if (/[a-z]/.test(s)) classes.push('lower');
    if (/[A-Z]/.test(s)) classes.push('upper');
    if (/[0-9]/.test(s)) classes.push('digit');
    const other = [...new Set(s.replace(/[A-Za-z0-9]/g, ''))].join('');
    if (other) classes.push(`other[${other.slice(0, 12)}]`);
  }
  if (/^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(s)) classes.push('JWT');
  if (/^s%3A|^s:/.test(s)) classes.push('signed(s:)');
  return `len=${s.length} ${classes.join(',')}`;
};
// HAR lists should be arrays, but IE 11's Network Inspector writes `cookies` as a single object
const asList = (x) => (Array.isArray(x) ? x : x && typeof x === 'object' ? [x] : []);
const headerValues = (h) => (Array.isArray(h.value) ? h.value.map(String) : [String(h.value ?? '')]);
const splitSetCookie = (v) =>
  v
    .split(/\r?\n|,(?=\s*[^;,=\s]+=)/)
    .map((x) => x.trim())
    .filter(Boolean);

let missing = 0;
const files = readdirSync(join(corpus, 'har'))
  .filter((f) => f.endsWith('.har'))
  .sort();
for (const f of files) {
  const file = `har/${f}`;
  if (filters.length && !filters.some((x) => f.includes(x))) continue;
  const site = siteOf.has(file) ? siteOf.get(file) : undefined;
  let har;
  try {
    har = JSON.parse(readFileSync(join(corpus, 'har', f), 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    if (!onlyMissing) console.log(`${file}  site=${site}  (not valid JSON)`);
    continue;
  }
  const found = new Map(); // name -> {shapes:Set, how:Set, attrs:Set}
  const add = (name, value, how, domainHost, attrs = '') => {
    name = name.trim();
    if (!name || !site || regDomain(domainHost) !== site) return;
    const r = found.get(name) || { shapes: new Set(), how: new Set(), attrs: new Set() };
    r.shapes.add(shape(value));
    r.how.add(how);
    if (attrs) r.attrs.add(attrs);
    found.set(name, r);
  };
  for (const e of asList(har?.log?.entries)) {
    const reqHost = hostOf(e?.request?.url);
    for (const h of asList(e?.request?.headers)) {
      if (!/^cookie$/i.test(h.name)) continue;
      for (const v of headerValues(h))
        for (const part of v.split(';')) {
          const i = part.indexOf('=');
          if (i > 0) add(part.slice(0, i), part.slice(i + 1).trim(), 'Cookie', reqHost);
        }
    }
    for (const h of asList(e?.response?.headers)) {
      if (!/^set-cookie$/i.test(h.name)) continue;
      for (const v of headerValues(h))
        for (const line of splitSetCookie(v)) {
          const [pair, ...attrParts] = line.split(';');
          const i = pair.indexOf('=');
          if (i <= 0) continue;
          const dom = attrParts.map((a) => a.trim()).find((a) => /^domain=/i.test(a));
          const flags = attrParts
            .map((a) => a.trim().split('=')[0].toLowerCase())
            .filter((a) => ['httponly', 'secure', 'samesite', 'expires', 'max-age'].includes(a))
            .sort()
            .join('+');
          add(pair.slice(0, i), pair.slice(i + 1).trim(), 'Set-Cookie', dom ? dom.split('=')[1].trim() : reqHost, flags);
        }
    }
    for (const c of asList(e?.request?.cookies)) if (c && c.name) add(String(c.name), c.value, 'cookies[]', c.domain || reqHost);
    for (const c of asList(e?.response?.cookies)) if (c && c.name) add(String(c.name), c.value, 'cookies[]', c.domain || reqHost);
  }
  const lines = [];
  for (const [name, r] of [...found].sort()) {
    const l = labelled.get(labelKey(file, name));
    if (l) used.add(labelKey(file, name));
    else missing++;
    if (onlyMissing && l) continue;
    const tag = l ? (l.session ? 'SESSION' : 'not-session') : 'NO LABEL';
    lines.push(
      `  ${name}  [${tag}]  ${[...r.how].join('/')}  ${[...r.shapes].slice(0, 3).join(' | ')}${r.attrs.size ? '  attrs:' + [...r.attrs].join(' ') : ''}`,
    );
  }
  if (!onlyMissing || lines.length) console.log(`${file}  site=${site}${site === undefined ? ' (NOT IN SOURCES)' : ''}  first-party names: ${found.size}`);
  for (const x of lines) console.log(x);
}
let stale = 0;
for (const l of labels)
  if (!used.has(labelKey(l.file, l.name)) && (!filters.length || filters.some((x) => l.file.includes(x)))) {
    stale++;
    console.log(`label without a matching cookie: ${l.file} ${l.name}`);
  }
console.log(`\n${missing} first-party names without a label; ${stale} labels without a cookie`);
process.exit(missing || stale ? 1 : 0);
