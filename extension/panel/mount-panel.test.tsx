// @vitest-environment happy-dom
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakePlatform, type FakePlatform } from '../../test/fakes/fake-platform.js';
import { STRONG_ID, observationWith } from '../../test/support/rule-harness.js';
import { mountPanel, type MountedPanel } from './mount-panel.js';

const PAGE = 'http://localhost:3000/';
const SESSION_LINE = `connect.sid=s%3A${STRONG_ID}.sig; Path=/; HttpOnly`;

let mounted: MountedPanel | null = null;
let root: HTMLElement;

async function open(fake: FakePlatform, options: { maxObservations?: number } = {}) {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  mounted = mountPanel(root, fake.platform, options);
  await mounted.ready;
  return mounted;
}

const card = (name: string) => root.querySelector(`[data-cookie-name="${name}"]`);

afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('the Sessions panel, through a fake platform', () => {
  it('explains what to do when nothing was recorded, with the Firefox Network-panel hint only in Firefox', async () => {
    await open(createFakePlatform({ browser: 'firefox' }));
    expect(root.textContent).toContain('No requests recorded yet');
    expect(root.textContent).toContain('once the Network panel has been opened');
    expect(root.textContent).toContain('secure: true');
    mounted?.unmount();
    await open(createFakePlatform({ browser: 'chrome' }));
    expect(root.textContent).not.toContain('Network panel');
  });

  it('grades what was recorded before it opened, and shows the site grade', async () => {
    await open(createFakePlatform({ history: [observationWith([SESSION_LINE], { url: PAGE })], pageUrl: PAGE }));
    await waitFor(() => expect(card('connect.sid')?.getAttribute('data-grade')).toBe('D'));
    expect(root.querySelector('[data-site-grade]')?.getAttribute('data-site-grade')).toBe('D');
    expect(root.querySelector('h1')?.textContent).toBe('localhost');
  });

  it('adds cookies as requests finish, each card with attributes, findings, fixes and notes', async () => {
    const fake = createFakePlatform({ pageUrl: PAGE });
    await open(fake);
    fake.emit(observationWith([SESSION_LINE], { url: PAGE }));
    await waitFor(() => expect(card('connect.sid')).not.toBeNull());
    const findings = [...(card('connect.sid')?.querySelectorAll('[data-finding]') ?? [])].map((item) => item.getAttribute('data-finding'));
    expect(findings).toEqual(['secure-missing', 'samesite-missing', 'prefix-none', 'name-default', 'cache-control-missing']);
    expect(card('connect.sid')?.textContent).toContain('SameSitenot set');
    expect(card('connect.sid')?.textContent).toContain('express-session');
    expect(card('connect.sid')?.querySelector('[data-note="browser-session-cookie"]')).not.toBeNull();
  });

  it("shows each session cookie's timeline, and what stands between A and A+", async () => {
    const hardened = `__Host-sid=${STRONG_ID}; Secure; HttpOnly; Path=/; SameSite=Strict`;
    const headers = { 'Cache-Control': 'no-store', 'Strict-Transport-Security': 'max-age=31536000' };
    await open(createFakePlatform({ history: [observationWith([hardened], { url: 'https://app.example.com/', headers })] }));
    await waitFor(() => expect(card('__Host-sid')?.getAttribute('data-grade')).toBe('A'));
    expect(card('__Host-sid')?.querySelector('[data-event="set"]')?.textContent).toBe('set GET https://app.example.com/ (200)');
    expect(card('__Host-sid')?.querySelector('.a-plus')?.textContent).toBe(
      'For A+ an observed login that rotates the id: log in while this panel is open to check that the id rotates.',
    );
  });

  it('copies the fix snippet', async () => {
    const fake = createFakePlatform({ history: [observationWith([SESSION_LINE], { url: PAGE })] });
    await open(fake);
    await waitFor(() => expect(card('connect.sid')).not.toBeNull());
    fireEvent.click(card('connect.sid')?.querySelector('[data-finding="secure-missing"] button.copy') as Element);
    await waitFor(() => expect(fake.copied).toEqual(['cookie: { secure: true }']));
  });

  it('lists other cookies, collapsed and without a letter', async () => {
    await open(createFakePlatform({ history: [observationWith([SESSION_LINE, 'theme=dark'], { url: PAGE })] }));
    await waitFor(() => expect(root.querySelector('details.others')).not.toBeNull());
    const others = root.querySelector('details.others') as HTMLDetailsElement;
    expect(others.open).toBe(false);
    expect(others.querySelector('summary')?.textContent).toBe('Other cookies (1): not session ids, not graded');
    expect(card('theme')?.getAttribute('data-grade')).toBe('none');
  });

  it('hides values until revealed', async () => {
    await open(createFakePlatform({ history: [observationWith([SESSION_LINE], { url: PAGE })] }));
    await waitFor(() => expect(card('connect.sid')?.querySelector('.value code')?.textContent).toBe('[value hidden]'));
    expect(root.textContent).not.toContain(STRONG_ID);
    fireEvent.click(root.querySelector('.toolbar input[type="checkbox"]') as Element);
    await waitFor(() => expect(card('connect.sid')?.querySelector('.value code')?.textContent).toBe(`s%3A${STRONG_ID}.sig`));
  });

  it('filters by cookie name or finding', async () => {
    await open(createFakePlatform({ history: [observationWith([SESSION_LINE, `__Host-sid=${STRONG_ID}; Secure; HttpOnly; Path=/; SameSite=Lax`], { url: PAGE })] }));
    await waitFor(() => expect(card('__Host-sid')).not.toBeNull());
    fireEvent.input(root.querySelector('input[type="search"]') as Element, { target: { value: 'name-default' } });
    await waitFor(() => expect(card('__Host-sid')).toBeNull());
    expect(card('connect.sid')).not.toBeNull();
    expect(root.textContent).toContain('1 cookies hidden by the filter');
  });

  it('lets the user mark a cookie, and remembers the mark for the site', async () => {
    const fake = createFakePlatform({ history: [observationWith([SESSION_LINE, 'prefs=1'], { url: PAGE })], pageUrl: PAGE });
    await open(fake);
    await waitFor(() => expect(card('prefs')).not.toBeNull());
    fireEvent.change(card('prefs')?.querySelector('select') as Element, { target: { value: 'session' } });
    await waitFor(() => expect(card('prefs')?.getAttribute('data-grade')).toBe('F'));
    expect(fake.savedMarks.get('localhost')).toEqual(new Map([['prefs', 'session']]));
  });

  it("applies the marks remembered for the site", async () => {
    await open(createFakePlatform({ history: [observationWith([SESSION_LINE], { url: PAGE })], pageUrl: PAGE, storedMarks: { localhost: { 'connect.sid': 'not-session' } } }));
    await waitFor(() => expect(card('connect.sid')?.getAttribute('data-grade')).toBe('none'));
    expect(root.querySelector('[data-site-grade]')?.getAttribute('data-site-grade')).toBe('none');
  });

  it('exports the JSON report and a Markdown summary, values masked unless revealed', async () => {
    const fake = createFakePlatform({ history: [observationWith([SESSION_LINE], { url: PAGE })], pageUrl: PAGE });
    await open(fake);
    await waitFor(() => expect(card('connect.sid')).not.toBeNull());
    fireEvent.click([...root.querySelectorAll('button')].find((button) => button.textContent === 'Export JSON') as Element);
    fireEvent.click([...root.querySelectorAll('button')].find((button) => button.textContent === 'Export Markdown') as Element);
    expect(fake.downloads.map((d) => [d.fileName, d.mimeType])).toEqual([
      ['session-cookies-localhost.json', 'application/json'],
      ['session-cookies-localhost.md', 'text/markdown'],
    ]);
    const report = JSON.parse(fake.downloads[0]?.text ?? '{}');
    expect(report).toMatchObject({ tool: 'session-cookie-inspector', rubric: 2, source: PAGE, grade: 'D' });
    expect(fake.downloads.map((d) => d.text).join('')).not.toContain(STRONG_ID);
  });

  it('keeps history across navigation, and empties on Clear', async () => {
    const fake = createFakePlatform({ history: [observationWith([SESSION_LINE], { url: PAGE })], pageUrl: PAGE });
    await open(fake);
    await waitFor(() => expect(card('connect.sid')).not.toBeNull());
    fake.navigate('http://localhost:3000/profile');
    await new Promise((done) => setTimeout(done, 20));
    expect(card('connect.sid')).not.toBeNull();
    fireEvent.click([...root.querySelectorAll('button')].find((button) => button.textContent === 'Clear') as Element);
    await waitFor(() => expect(card('connect.sid')).toBeNull());
    expect(root.textContent).toContain('No requests recorded yet');
  });

  it('keeps a bounded number of requests and says how many it dropped', async () => {
    const fake = createFakePlatform();
    await open(fake, { maxObservations: 3 });
    fake.emit(...Array.from({ length: 5 }, () => observationWith([], { url: PAGE })));
    await waitFor(() => expect(root.textContent).toContain('Keeping the last 3 requests: 2 older ones were dropped.'));
  });

  it("follows DevTools' theme", async () => {
    const fake = createFakePlatform({ theme: 'dark' });
    await open(fake);
    expect(root.querySelector('.panel')?.getAttribute('data-theme')).toBe('dark');
    fake.changeTheme('light');
    await waitFor(() => expect(root.querySelector('.panel')?.getAttribute('data-theme')).toBe('light'));
  });

  it('renders cookie names and values from the page as text, never as HTML', async () => {
    const value = '<img src=x onerror=alert(1)>';
    const name = '<b>bold</b><script>alert(2)</script>';
    await open(createFakePlatform({ history: [observationWith([`sid=${value}; Path=/`, `${name}=1`], { url: PAGE })] }));
    fireEvent.click(root.querySelector('.toolbar input[type="checkbox"]') as Element);
    await waitFor(() => expect(card('sid')?.textContent).toContain(value));
    expect(root.textContent).toContain(name);
    expect(root.querySelector('img, b, script')).toBeNull();
  });
});
