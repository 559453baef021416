// @vitest-environment happy-dom
/**
 * Rubric section 7: no cookie value, in any form, in any output unless revealed. Each scenario is
 * a trace; every output is checked: JSON and text reports (what the CLI prints), the Markdown
 * export, and the panel's rendered text and its exports.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPanel, type MountedPanel } from '../../extension/panel/mount-panel.js';
import { valueForms } from '../../src/core/value-index.js';
import { gradeObservations } from '../../src/grade/grade-observations.js';
import type { Observation } from '../../src/observation/observation.js';
import { buildJsonReport } from '../../src/report/json-report.js';
import { formatMarkdownReport } from '../../src/report/markdown-report.js';
import { formatTextReport } from '../../src/report/text-report.js';
import { createFakePlatform } from '../fakes/fake-platform.js';
import { exchange } from '../support/trace-builder.js';
import { runs } from '../support/property-runs.js';

const ORIGIN = 'https://shop.example.com';
const OLD_ID = '7C3A9F1E2B8D4C6A0E5F7B9D1C3A5E7F';
const NEW_ID = 'B4E6D8F0A2C4E6D8F0A2C4E6D8F0A2C4';

/** Every output a user can see or export, for one trace. */
async function everyOutput(observations: readonly Observation[], source = `${ORIGIN}/`): Promise<Record<string, string>> {
  const trace = gradeObservations(observations);
  const report = buildJsonReport(source, trace);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const fake = createFakePlatform({ history: [...observations], pageUrl: source });
  const panel: MountedPanel = mountPanel(root, fake.platform);
  mounted = panel;
  await panel.ready;
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Open every collapsed part, then export both formats.
  for (const details of root.querySelectorAll('details')) details.setAttribute('open', '');
  for (const button of root.querySelectorAll('button')) if (/^Export/.test(button.textContent ?? '')) button.click();
  return {
    json: JSON.stringify(report),
    text: formatTextReport(report),
    markdown: formatMarkdownReport(report),
    panel: root.textContent ?? '',
    panelAttributes: [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.value)).join(' '),
    panelExports: fake.downloads.map((download) => download.text).join('\n'),
  };
}

let mounted: MountedPanel | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function expectNoValue(outputs: Record<string, string>, values: readonly string[]): void {
  for (const [output, text] of Object.entries(outputs)) {
    for (const form of values.flatMap(valueForms)) {
      expect(text.includes(form), `${output} shows ${form}`).toBe(false);
    }
  }
}

describe('values never leak', () => {
  it('a rotated JSESSIONID whose old id sits in a ;jsessionid= Location', async () => {
    const trace = [
      exchange('GET', `${ORIGIN}/`, { setCookie: [`JSESSIONID=${OLD_ID}; Path=/; HttpOnly`], status: 302, location: `/app;jsessionid=${OLD_ID}` }),
      exchange('GET', `${ORIGIN}/app;jsessionid=${OLD_ID}`, { cookie: `JSESSIONID=${OLD_ID}` }),
      {
        ...exchange('POST', `${ORIGIN}/login`, { cookie: `JSESSIONID=${OLD_ID}`, setCookie: [`JSESSIONID=${NEW_ID}; Path=/; HttpOnly`] }),
        requestBodyParamNames: ['j_password'],
      },
      exchange('GET', `${ORIGIN}/app`, { cookie: `JSESSIONID=${NEW_ID}`, referer: `${ORIGIN}/app;jsessionid=${OLD_ID}` }),
    ];
    const outputs = await everyOutput(trace, `${ORIGIN}/app;jsessionid=${OLD_ID}`);
    expect(outputs.json).toContain('id-in-url');
    expect(outputs.panel).toContain('JSESSIONID');
    expectNoValue(outputs, [OLD_ID, NEW_ID]);
  });

  it('40 rotating laravel_session values', async () => {
    const values = Array.from({ length: 40 }, (_, i) =>
      encodeURIComponent(btoa(JSON.stringify({ iv: `iv${i}xxxxxxxxxxxxxxxx`, value: `v${i}${'q'.repeat(40)}`, mac: `${i}`.padStart(64, 'f') }))),
    );
    const trace = values.map((value, i) =>
      // Each page also links to the next with the current value in its URL (the way the leak was seen).
      exchange('GET', `${ORIGIN}/page/${i}?s=${values[i - 1] ?? ''}`, {
        cookie: i > 0 ? `laravel_session=${values[i - 1]}` : undefined,
        setCookie: [`laravel_session=${value}; Path=/; HttpOnly`],
        status: 302,
        location: `/page/${i + 1}?s=${value}`,
      }),
    );
    expectNoValue(await everyOutput(trace), values);
  });

  it('a cookie only ever sent, whose value sits in a URL', async () => {
    const trace = [exchange('GET', `${ORIGIN}/`, { cookie: `sid=${OLD_ID}` }), exchange('GET', `${ORIGIN}/track?sid=${OLD_ID}`, { cookie: `sid=${OLD_ID}` })];
    const outputs = await everyOutput(trace);
    expect(outputs.json).toContain('id-in-url');
    expectNoValue(outputs, [OLD_ID]);
  });

  it('a value percent-encoded with lower-case hex in a URL', async () => {
    const value = 's%3AAbCdEfGhIjKlMnOpQrStUvWxYz012345.c2lnbmF0dXJl';
    const trace = [
      exchange('GET', `${ORIGIN}/`, { setCookie: [`connect.sid=${value}; Path=/; HttpOnly`] }),
      exchange('GET', `${ORIGIN}/x?s=s%3aAbCdEfGhIjKlMnOpQrStUvWxYz012345.c2lnbmF0dXJl`, { cookie: `connect.sid=${value}` }),
    ];
    const outputs = await everyOutput(trace);
    expect(outputs.json).toContain('id-in-url');
    expectNoValue(outputs, [value]);
  });

  it('a value that is a prefix of another', async () => {
    const short = 'abcdef0123456789';
    const long = `${short}ZZZZZZZZ`;
    const trace = [
      exchange('GET', `${ORIGIN}/`, { setCookie: [`sid=${short}; Path=/`, `other_sid=${long}; Path=/`] }),
      exchange('GET', `${ORIGIN}/?a=${long}&b=${short}`, { cookie: `sid=${short}; other_sid=${long}` }),
    ];
    const outputs = await everyOutput(trace);
    expectNoValue(outputs, [short, long]);
    expect(outputs.json).not.toContain('ZZZZZZZZ');
  });

  it('a Path that contains an id', async () => {
    const trace = [exchange('GET', `${ORIGIN}/u/${OLD_ID}/home`, { setCookie: [`prefs_sid=${NEW_ID}; Path=/u/${OLD_ID}`], cookie: `uid=${OLD_ID}` })];
    expectNoValue(await everyOutput(trace), [OLD_ID, NEW_ID]);
  });

  it('for generated traces, no value of 8+ characters appears in any output', { timeout: 60_000 }, async () => {
    const name = fc.stringMatching(/^[a-z]{1,6}(_sid)?$/);
    const value = fc.stringMatching(/^[A-Z0-9%:.=-]{8,30}$/);
    const step = fc.record({
      path: fc.stringMatching(/^[a-z]{0,5}$/),
      name,
      value,
      where: fc.constantFrom('set', 'sent', 'url', 'location', 'path', 'referer'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const trace = steps.map((s, i) =>
          exchange(s.where === 'set' || s.where === 'location' ? 'GET' : 'POST', `${ORIGIN}/${s.path}${s.where === 'url' ? `?v=${s.value}` : ''}${i}`, {
            setCookie: s.where === 'sent' || s.where === 'url' ? [] : [`${s.name}=${s.value}; Path=/${s.where === 'path' ? s.value : ''}`],
            cookie: s.where === 'set' ? undefined : `${s.name}=${s.value}`,
            location: s.where === 'location' ? `/next;jsessionid=${s.value}` : undefined,
            referer: s.where === 'referer' ? `${ORIGIN}/?r=${s.value}` : undefined,
          }),
        );
        const outputs = await everyOutput(trace);
        mounted?.unmount();
        mounted = null;
        const values = steps.map((s) => s.value);
        for (const [output, text] of Object.entries(outputs)) {
          for (const form of values.flatMap(valueForms)) if (text.includes(form)) throw new Error(`${output} shows ${form}`);
        }
      }),
      runs(40),
    );
  });
});
