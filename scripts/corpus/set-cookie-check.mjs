#!/usr/bin/env node
// Validates the corpus of real Set-Cookie lines (test/corpus/set-cookie/*.json),
// its sources (test/corpus/set-cookie-sources.json) and its labels
// (test/corpus/set-cookie-labels.json), then prints the counts.
// Plain Node; the only dependency is tldts (already a dependency of the project).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, 'test', 'corpus');
const dir = join(corpus, 'set-cookie');
const errors = [];
const fail = (msg) => {
  if (errors.length < 50) console.error('error: ' + msg);
  errors.push(msg);
};
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** The site of a URL: its registrable domain (the host itself for IPs and hosts without one). */
export const siteOf = (url) => {
  const h = new URL(url).hostname;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
};
/** The cookie name of a recorded header line ("Set-Cookie: name=value; ..."). */
export const nameOf = (line) => {
  const value = line.replace(/^\s*set-cookie\s*:\s*/i, '');
  const pair = value.split(';', 1)[0];
  const eq = pair.indexOf('=');
  return (eq < 0 ? '' : pair.slice(0, eq)).trim();
};

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const lines = [];
const perFile = new Map();
for (const f of files) {
  let arr;
  try {
    arr = readJson(join(dir, f));
  } catch (e) {
    fail(`${f}: not JSON (${e.message})`);
    continue;
  }
  if (!Array.isArray(arr)) {
    fail(`${f}: not an array`);
    continue;
  }
  perFile.set(`set-cookie/${f}`, { lines: arr.length, hosts: new Set() });
  arr.forEach((r, i) => {
    const at = `${f}[${i}]`;
    if (!r || typeof r !== 'object') return fail(`${at}: not an object`);
    const keys = Object.keys(r).sort().join(',');
    if (keys !== 'date,line,url') fail(`${at}: keys are ${keys}, want date,line,url`);
    let u;
    try {
      u = new URL(r.url);
    } catch {
      return fail(`${at}: url missing or not absolute: ${r.url}`);
    }
    if (!/^https?:$/.test(u.protocol) || !u.hostname) fail(`${at}: url is not http(s) with a host: ${r.url}`);
    if (typeof r.line !== 'string' || !/^set-cookie\s*:/i.test(r.line)) fail(`${at}: line is not a Set-Cookie header line`);
    if (r.date !== null && (typeof r.date !== 'string' || !r.date)) fail(`${at}: date must be a string or null`);
    perFile.get(`set-cookie/${f}`).hosts.add(u.hostname);
    lines.push({ file: f, url: r.url, host: u.hostname, site: siteOf(r.url), name: nameOf(r.line) });
  });
}

// Sources: every corpus file is described, and the described counts add up.
const sources = readJson(join(corpus, 'set-cookie-sources.json'));
const described = new Map();
for (const [i, s] of sources.entries()) {
  const at = `sources[${i}]`;
  for (const k of ['file', 'repo', 'path', 'commit', 'licence', 'kind']) if (typeof s[k] !== 'string' || !s[k]) fail(`${at}: ${k} missing`);
  if (!/^[0-9a-f]{40}$/.test(s.commit ?? '')) fail(`${at}: commit is not 40 hex digits`);
  if (!/^[^/\s]+\/[^/\s]+$/.test(s.repo ?? '')) fail(`${at}: repo is not owner/name`);
  if (!Number.isInteger(s.lines) || !Number.isInteger(s.hosts)) fail(`${at}: lines and hosts must be integers`);
  if (!existsSync(join(corpus, s.file ?? ''))) fail(`${at}: ${s.file} does not exist`);
  described.set(s.file, (described.get(s.file) ?? 0) + (s.lines ?? 0));
}
for (const [f, { lines: n }] of perFile) {
  if (!described.has(f)) fail(`${f}: no entry in set-cookie-sources.json`);
  else if (described.get(f) !== n) fail(`${f}: has ${n} lines, its sources describe ${described.get(f)}`);
}

// Labels: exactly one per (site, cookie name) seen in the lines, none for pairs never seen.
const labels = readJson(join(corpus, 'set-cookie-labels.json'));
const key = (site, name) => `${site}\t${name}`;
const labelled = new Map();
for (const [i, l] of labels.entries()) {
  const at = `labels[${i}] (${l.site} ${l.name})`;
  if (typeof l.site !== 'string' || !l.site || typeof l.name !== 'string') fail(`${at}: site and name required`);
  if (typeof l.session !== 'boolean') fail(`${at}: session must be true or false`);
  if (typeof l.evidence !== 'string' || !l.evidence.trim()) fail(`${at}: evidence missing`);
  const k = key(l.site, l.name);
  if (labelled.has(k)) fail(`${at}: labelled more than once`);
  labelled.set(k, l);
}
const pairs = new Set(lines.map((r) => key(r.site, r.name)));
for (const k of pairs) if (!labelled.has(k)) fail(`no label for ${k.replace('\t', ' ')}`);
for (const k of labelled.keys()) if (!pairs.has(k)) fail(`label for ${k.replace('\t', ' ')} matches no line`);

const used = labels.filter((l) => pairs.has(key(l.site, l.name)));
const session = used.filter((l) => l.session).length;
const uncertain = used.filter((l) => /^uncertain:/i.test(l.evidence)).length;
console.log(`files:   ${files.length} (${sources.length} source entries)`);
console.log(`lines:   ${lines.length}`);
console.log(`hosts:   ${new Set(lines.map((r) => r.host)).size}`);
console.log(`sites:   ${new Set(lines.map((r) => r.site)).size}`);
console.log(`labels:  ${used.length} (session ${session}, not session ${used.length - session}; uncertain ${uncertain})`);
console.log(`lines of session cookies: ${lines.filter((r) => labelled.get(key(r.site, r.name))?.session).length}`);
if (errors.length) {
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log('ok');
