/**
 * Precision and recall of session-cookie detection on the labelled corpus (rubric section 2.1):
 * over the cookies that belong to each trace's site, as the product grades the trace.
 */
import { parse } from 'tldts';
import { siteOfUrl } from '../../src/core/site.js';
import { PRODUCT_SESSION_COOKIES, VENDOR_NEVER_SESSION_COOKIES } from '../../src/detect/product-cookies.js';
import { gradeObservations } from '../../src/grade/grade-observations.js';
import type { CorpusTrace } from './real-world-corpus.js';

export interface Verdict {
  readonly trace: string;
  readonly name: string;
  readonly labelled: boolean;
  readonly predicted: boolean;
  readonly why: string;
}

export interface Measurement {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  readonly precision: number;
  readonly recall: number;
  /** The labelled cookies the prediction got wrong. */
  readonly wrong: readonly Verdict[];
  /** Cookies of a trace's site that have no label (the corpus should label every one). */
  readonly unlabelled: readonly string[];
  /** Correct verdicts that rest on the project's site-scoped additions (sessions found, and ruled out). */
  readonly byAdditions: { readonly sessions: number; readonly ruledOut: number };
}

/** How a detector decides, per trace: each own-site cookie name, session or not, and why. */
export type Detector = (trace: CorpusTrace) => ReadonlyMap<string, { readonly session: boolean; readonly why: string }>;

/** The product: the trace graded for its site; a name is a session when any of its own-site entries is. */
export const productDetector: Detector = (trace) => {
  const graded = gradeObservations(trace.observations, { site: trace.pageUrl === null ? null : siteOfUrl(trace.pageUrl) });
  const verdicts = new Map<string, { session: boolean; why: string }>();
  for (const entry of graded.cookies) {
    if (entry.thirdParty || entry.deletion) continue;
    const known = verdicts.get(entry.identity.name);
    if (known === undefined || (!known.session && entry.session.isSession))
      verdicts.set(entry.identity.name, { session: entry.session.isSession, why: entry.session.why });
  }
  return verdicts;
};

/** ZAP's default session token names (HttpSessionsParam.DEFAULT_TOKENS), matched case-insensitively as ZAP does. */
export const ZAP_DEFAULT_TOKENS = [
  'asp.net_sessionid',
  'aspsessionid',
  'siteserver',
  'cfid',
  'cftoken',
  'jsessionid',
  'phpsessid',
  'sessid',
  'sid',
  'viewstate',
  'zenid',
];

/** ZAP's defaults over the same own-site cookies as the product's. */
export const zapDetector: Detector = (trace) => {
  const verdicts = new Map<string, { session: boolean; why: string }>();
  for (const name of productDetector(trace).keys()) {
    const session = ZAP_DEFAULT_TOKENS.includes(name.toLowerCase());
    verdicts.set(name, { session, why: session ? "one of ZAP's default token names" : 'not a ZAP default token name' });
  }
  return verdicts;
};

/**
 * Whether the trace records a real public site: test tools' fixtures (mswjs, Playwright,
 * har-to-openapi) record example.com, test hosts and loopback addresses, with placeholder values
 * (`abc123`) that identify nobody; they stay in the corpus for its HAR shapes only.
 */
export function isRealSite(trace: CorpusTrace): boolean {
  const site = trace.pageUrl === null ? '' : (siteOfUrl(trace.pageUrl) ?? '');
  // A public suffix of the list (not an intranet name such as `legoas`, nor `no.playwright`).
  const { isIcann, isIp } = parse(site);
  if (site === '' || isIp === true || isIcann !== true) return false;
  return !/(^|\.)example\.(com|net|org)$/.test(site);
}

/** What a card says of a cookie an addition decided (see detectSessionCookie). */
const ADDITION_WORDS = new Set([...PRODUCT_SESSION_COOKIES, ...VENDOR_NEVER_SESSION_COOKIES].map((entry) => `${entry.product}'s ${entry.what}`));

export function measure(traces: readonly CorpusTrace[], detector: Detector): Measurement {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  const wrong: Verdict[] = [];
  const unlabelled: string[] = [];
  const byAdditions = { sessions: 0, ruledOut: 0 };
  for (const trace of traces) {
    for (const [name, verdict] of detector(trace)) {
      const label = trace.labels.get(name);
      if (label === undefined) {
        unlabelled.push(`${trace.id}: ${name}`);
        continue;
      }
      if (label.session === verdict.session && ADDITION_WORDS.has(verdict.why)) byAdditions[verdict.session ? 'sessions' : 'ruledOut']++;
      if (label.session && verdict.session) truePositives++;
      else if (!label.session && !verdict.session) trueNegatives++;
      else {
        if (verdict.session) falsePositives++;
        else falseNegatives++;
        wrong.push({ trace: trace.id, name, labelled: label.session, predicted: verdict.session, why: verdict.why });
      }
    }
  }
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  return { truePositives, falsePositives, falseNegatives, trueNegatives, precision, recall, wrong, unlabelled, byAdditions };
}
