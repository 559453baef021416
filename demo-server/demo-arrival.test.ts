/** The control page says how a request reached the demo, through a TLS proxy or not (issue 23). */
import { afterEach, describe, expect, it } from 'vitest';
import { configWith, setCookies, startDemo, type RunningDemo } from '../test/support/demo-servers.js';

let demo: RunningDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

/** GET / over plain http, as a TLS proxy in front forwards it. */
async function throughProxy(patch: object, headers: Record<string, string>) {
  demo = await startDemo(configWith(patch));
  const response = await demo.agent('http').get('/').set(headers);
  return { text: response.text, setCookie: setCookies(response) };
}

const FORWARDED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' };

describe('demo server: behind a TLS proxy', () => {
  it('should see https from the client with trust proxy on, and set the cookie.secure cookie', async () => {
    const { text, setCookie } = await throughProxy({ trustProxy: true, cookie: { secure: true } }, FORWARDED);
    expect(text).toContain('<strong id="arrival-protocol">https</strong> from <code id="arrival-client">203.0.113.7</code>');
    expect(text).toContain('<code>X-Forwarded-Proto: https</code>');
    expect(setCookie[0]).toMatch(/; Secure$/);
  });

  it("should see http from the proxy's own address with trust proxy off, say so, and set no cookie.secure cookie", async () => {
    const { text, setCookie } = await throughProxy({ trustProxy: false, cookie: { secure: true } }, FORWARDED);
    expect(text).toContain('<strong id="arrival-protocol">http</strong> from <code id="arrival-client">127.0.0.1</code>');
    expect(text).toMatch(/<code>trust proxy<\/code> is off/);
    expect(setCookie).toEqual([]);
  });

  it('should say there were no proxy headers on a direct request', async () => {
    const { text } = await throughProxy({}, {});
    expect(text).toContain('No proxy headers on this request: the demo sees <strong id="arrival-protocol">http</strong>');
  });

  it('should show the forwarded headers as text, never as markup', async () => {
    const { text } = await throughProxy({ trustProxy: false }, { 'X-Forwarded-Proto': '<script>alert(1)</script>' });
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(text).toContain('X-Forwarded-Proto: &lt;script&gt;');
  });
});
