/**
 * The labelled real-world corpus (test/corpus/): HAR exports of public sites and Set-Cookie lines
 * of real hosts, each from a public repository (har-sources.json, set-cookie-sources.json), with a
 * label per (site, cookie name): session or not, and the evidence. Loaded as traces, each with the
 * site rubric section 1 gives it, for the detection measurement and the HAR-shape tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteOfUrl } from '../../src/core/site.js';
import type { Observation } from '../../src/observation/observation.js';
import { readHar } from '../../src/observation/read-har.js';

export const CORPUS_DIR = 'test/corpus';

export interface HarSource {
  readonly file: string;
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly licence: string;
  readonly exporter: string | null;
  readonly site: string | null;
  readonly notes?: string;
  readonly broken?: boolean;
}

export interface CookieLabel {
  /** The HAR file the label is for; absent for Set-Cookie lines (labelled per site). */
  readonly file?: string;
  readonly site: string;
  readonly name: string;
  readonly session: boolean;
  readonly evidence: string;
}

/** One trace of the corpus: a HAR file, or the Set-Cookie lines one site sent. */
export interface CorpusTrace {
  /** `har/<file>.har`, or `set-cookie:<site>`. */
  readonly id: string;
  readonly observations: readonly Observation[];
  /** The URL of its first top-level document, whose site is the trace's site. */
  readonly pageUrl: string | null;
  /** Labels of the cookies of the trace's site, by cookie name. */
  readonly labels: ReadonlyMap<string, CookieLabel>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(CORPUS_DIR, path), 'utf8')) as T;

export function harSources(): HarSource[] {
  return readJson<HarSource[]>('har-sources.json');
}

export function harText(source: HarSource): string {
  return readFileSync(join(CORPUS_DIR, source.file), 'utf8');
}

/** Every HAR file of the corpus that reads as a HAR (those broken on purpose do not), as a trace. */
export function harTraces(): CorpusTrace[] {
  const labels = readJson<CookieLabel[]>('har-labels.json');
  const traces: CorpusTrace[] = [];
  for (const source of harSources()) {
    const har = readHar(harText(source));
    if (!har.ok) continue;
    const own = new Map(labels.filter((label) => label.file === source.file).map((label) => [label.name, label]));
    traces.push({ id: source.file, observations: har.observations, pageUrl: har.har.pageUrl, labels: own });
  }
  return traces;
}

interface RecordedLine {
  readonly url: string;
  readonly line: string;
  readonly date: string | null;
}

/** The Set-Cookie lines of the corpus, one trace per site (one exchange per line, in file order). */
export function setCookieTraces(): CorpusTrace[] {
  const labels = readJson<CookieLabel[]>('set-cookie-labels.json');
  const files = [...new Set(readJson<{ file: string }[]>('set-cookie-sources.json').map((source) => source.file))];
  const bySite = new Map<string, Observation[]>();
  const firstUrl = new Map<string, string>();
  for (const file of files) {
    for (const recorded of readJson<RecordedLine[]>(file)) {
      const site = siteOfUrl(recorded.url);
      if (site === null) throw new Error(`${file}: no host in ${recorded.url}`);
      const line = recorded.line.replace(/^set-cookie:\s*/i, '');
      const time = recorded.date === null ? Date.UTC(2024, 0, 1) : Date.parse(recorded.date);
      const headers = [{ name: 'Set-Cookie', value: line }, ...(recorded.date === null ? [] : [{ name: 'Date', value: recorded.date }])];
      const observation: Observation = {
        url: recorded.url,
        method: 'GET',
        requestHeaders: [],
        requestBodyParamNames: null,
        status: 200,
        responseHeaders: headers,
        time,
      };
      const list = bySite.get(site) ?? [];
      list.push(observation);
      bySite.set(site, list);
      if (!firstUrl.has(site)) firstUrl.set(site, recorded.url);
    }
  }
  return [...bySite].map(([site, observations]) => ({
    id: `set-cookie:${site}`,
    observations,
    pageUrl: firstUrl.get(site) ?? null,
    labels: new Map(labels.filter((label) => label.site === site).map((label) => [label.name, label])),
  }));
}
