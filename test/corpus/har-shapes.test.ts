/**
 * Real HAR exports as the tools people use write them (rubric 3, section 1), read by both readers
 * (the in-memory one the panel and the library use, the byte scanner the CLI uses), and graded for
 * their site. Every file here is a real export from a public repository (test/corpus/har-sources.json).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHarFile } from '../../src/cli/read-har-file.js';
import { gradeHar } from '../../src/grade/grade-har.js';
import { readHar } from '../../src/observation/read-har.js';
import { isLoginRequest } from '../../src/trace/login-logout.js';
import { cli } from '../support/cli.js';
import { CORPUS_DIR, harSources, harText } from './real-world-corpus.js';

const path = (file: string) => join(CORPUS_DIR, file);
const read = (file: string) => readHar(harText({ file } as Parameters<typeof harText>[0]));

describe('every HAR file of the corpus', () => {
  const sources = harSources();

  it('is read the same by the byte scanner (CLI) as by JSON.parse (panel, library), errors included', async () => {
    expect(sources.length).toBeGreaterThan(50);
    const now = Date.UTC(2026, 11, 6);
    for (const source of sources) {
      const whole = readHar(harText(source), { now });
      const scanned = await readHarFile(path(source.file), { now });
      if (whole.ok) expect(scanned, source.file).toEqual(whole);
      else {
        expect(scanned.ok, source.file).toBe(false);
        // The same kind of error: not JSON at all, or JSON that is not a HAR.
        if (!scanned.ok) expect(scanned.error.startsWith('not valid JSON'), source.file).toBe(whole.error.startsWith('not valid JSON'));
      }
    }
  });

  it('reads, unless it is broken on purpose', () => {
    const unreadable = sources.filter((source) => !read(source.file).ok).map((source) => source.file);
    const broken = sources.filter((source) => source.broken === true).map((source) => source.file);
    for (const file of broken) expect(unreadable, file).toContain(file);
    expect(unreadable.length).toBeGreaterThanOrEqual(2);
  });
});

describe('HAR shapes of real exporters', () => {
  it("reads Polly.JS's list-valued Set-Cookie as one line per string: __cfduid, never a nameless cookie", () => {
    const graded = gradeHar(harText({ file: 'har/pollyjs--node-fetch-should-work.har' } as never));
    expect(graded.ok).toBe(true);
    if (!graded.ok) return;
    const names = graded.trace.cookies.map((cookie) => cookie.identity.name);
    expect(names).toContain('__cfduid');
    expect(names).not.toContain('');
    // A plain-string Set-Cookie (Polly.JS 1.2 persister) reads the same way.
    const plain = gradeHar(harText({ file: 'har/pollyjs--jest-node-fetch-posts.har' } as never));
    expect(plain.ok && plain.trace.cookies.map((cookie) => cookie.identity.name)).toContain('__cfduid');
  });

  it('keeps the requests of entries without a response: their cookies were sent, a login is still a login', () => {
    const har = read('har/har-to-openapi--full-k6-login.har');
    expect(har.ok).toBe(true);
    if (!har.ok) return;
    expect(har.observations.every((observation) => observation.status === 0)).toBe(true);
    const login = har.observations.find(isLoginRequest);
    expect(login?.requestBodyParamNames).toEqual(['username', 'password']);
    // Where the responses are there, no entry is left out.
    const complete = read('har/gatling--chrome61-get.har');
    expect(complete.ok && complete.skippedEntries).toBe(0);
  });

  it('reads the part names of a real multipart/form-data body (names only, never values)', () => {
    const har = read('har/gatling--chrome61-multipart.har');
    expect(har.ok && har.observations.find((observation) => observation.method === 'POST')?.requestBodyParamNames).toEqual(['upfile', 'note']);
    // An upload without a password field is no login.
    expect(har.ok && har.observations.some(isLoginRequest)).toBe(false);
  });

  it('reads HAR 1.1 (Firefox 47, Firebug) and 1.0 files, and files that start with a byte order mark', () => {
    for (const file of [
      'har/harviewer--issue-21-get-empty-post-data.har',
      'har/harviewer--time-stamps.har',
      'har/harviewer--netdata-3-har10.har',
      'har/mitmproxy--with-bom.har',
      'har/httpolice--fiddler-ie11-connect.har',
    ]) {
      const har = read(file);
      expect(har.ok, file).toBe(true);
      expect(har.ok && har.observations.length, file).toBeGreaterThan(0);
    }
  });
});

describe('the site of a real trace (rubric 3, sections 1 and 3)', () => {
  it("counts the site's own session cookies: myToys' MS_SESS decides mytoys.de's grade, its SSO host's cookies are listed apart", () => {
    const graded = gradeHar(harText({ file: 'har/pagexray--mytoys.de.har' } as never));
    expect(graded.ok).toBe(true);
    if (!graded.ok) return;
    expect(graded.trace.site).toBe('mytoys.de');
    const ssoSession = graded.trace.cookies.find((cookie) => cookie.identity.name === 'MS_SESS' && cookie.identity.domain.endsWith('mytoys-group.de'));
    expect(ssoSession).toMatchObject({ thirdParty: true, session: { isSession: true } });
    expect(graded.trace.cookies.filter((cookie) => !cookie.thirdParty).length).toBeGreaterThan(0);
  });

  it("never lets another site's session cookie decide the grade: mousel.lu redirects to a brewery's PHP site", () => {
    const graded = gradeHar(harText({ file: 'har/pagexray--mousel.lu.har' } as never));
    expect(graded.ok).toBe(true);
    if (!graded.ok) return;
    expect(graded.trace.site).toBe('mousel.lu');
    const php = graded.trace.cookies.find((cookie) => cookie.identity.name === 'PHPSESSID');
    expect(php).toMatchObject({ thirdParty: true, session: { isSession: true }, grade: 'F' });
    expect(graded.trace.grade).toBe('none');
    // Graded for the site the redirect leads to, it counts.
    const forBrewery = gradeHar(harText({ file: 'har/pagexray--mousel.lu.har' } as never), { site: 'www.brasseriedeluxembourg.lu' });
    expect(forBrewery.ok && forBrewery.trace.grade).toBe('F');
  });
});

describe('the CLI on real exports', () => {
  it("names Chrome's sensitive-data setting for a Chrome export without cookies, and not for Firefox's", async () => {
    const chrome = await cli(path('har/gatling--chrome61-form.har'));
    expect(chrome.stderr).toContain('Allow to generate HAR with sensitive data');
    const firefox = await cli(path('har/gatling--firefox56-form.har'));
    expect(firefox.stderr).toContain('has no Cookie or Set-Cookie header at all');
    expect(firefox.stderr).not.toContain('Allow to generate HAR with sensitive data');
    expect(firefox.stderr).toContain('Firefox, which wrote it');
  });

  it('reports the readable files when one of several is broken, and exits 2 naming the broken one', async () => {
    const { status, stdout, stderr } = await cli(
      '--json',
      path('har/pagexray--mousel.lu.har'),
      path('har/mitmproxy--brokenfile.har'),
      path('har/pagexray--mytoys.de.har'),
    );
    expect(status).toBe(2);
    const reports = JSON.parse(stdout) as { source: string; site: string }[];
    expect(reports.map((report) => report.site)).toEqual(['mousel.lu', 'mytoys.de']);
    expect(stderr).toContain('mitmproxy--brokenfile.har is not valid JSON');
  });

  it('grades for another site with --site, and refuses a --site that is no domain', async () => {
    const file = path('har/pagexray--mousel.lu.har');
    const mine = JSON.parse((await cli('--json', '--site', 'brasseriedeluxembourg.lu', file)).stdout) as { site: string; grade: string };
    expect([mine.site, mine.grade]).toEqual(['brasseriedeluxembourg.lu', 'F']);
    const refused = await cli('--site', 'not a domain', file);
    expect([refused.status, refused.stderr]).toEqual([2, expect.stringContaining('--site takes a domain')]);
  });

  it('prints the host of a cookie seen only as sent, so cookies of one name stay apart', async () => {
    // A logged-in facebook.com export: xs and s were set before the recording.
    const { stdout } = await cli(path('har/har-to-openapi--add.har'));
    expect(stdout).toContain('seen as sent on developers.facebook.com');
  });
});

describe('one HAR, one site grade in the library, the CLI and the panel', () => {
  it('gives the same site, site grade and third-party marks through all three', async () => {
    const { createSessionsStore, applyEvent } = await import('../../src/ui/store/sessions-store.js');
    for (const file of ['har/pagexray--mousel.lu.har', 'har/pagexray--mytoys.de.har', 'har/har-to-openapi--add.har']) {
      const library = gradeHar(harText({ file } as never));
      if (!library.ok) throw new Error(file);
      const fromCli = JSON.parse((await cli('--json', path(file))).stdout) as { site: string; grade: string; cookies: { name: string; thirdParty: boolean }[] };
      const har = read(file);
      if (!har.ok || har.har.pageUrl === null) throw new Error(file);
      const store = createSessionsStore();
      applyEvent(store, { type: 'navigated', url: har.har.pageUrl });
      applyEvent(store, { type: 'observed', observations: har.observations });
      // The store grades on its own clock: settle it before reading.
      await new Promise((done) => setTimeout(done, 0));
      const panel = store.trace.value;
      expect([fromCli.site, fromCli.grade], file).toEqual([library.trace.site, library.trace.grade]);
      expect([panel.site, panel.grade], file).toEqual([library.trace.site, library.trace.grade]);
      const marks = (cookies: readonly { thirdParty: boolean }[]) => cookies.map((cookie) => cookie.thirdParty).sort();
      expect(marks(panel.cookies), file).toEqual(marks(library.trace.cookies));
      expect(marks(fromCli.cookies), file).toEqual(marks(library.trace.cookies));
    }
  });
});

describe('the reader in a small heap', () => {
  it('reads the whole corpus in a 64 MB heap', () => {
    const script = `import { readHarFile } from './src/cli/read-har-file.ts';
      let entries = 0; for (const file of process.argv.slice(1)) { const r = await readHarFile(file); if (r.ok) entries += r.observations.length; } console.log(entries);`;
    const files = harSources().map((source) => path(source.file));
    const child = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', '--input-type=module', '-e', script, ...files], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(Number(child.stdout.trim())).toBeGreaterThan(100);
  }, 60_000);
});
