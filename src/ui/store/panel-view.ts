/**
 * Everything the panel shows, as plain data derived from the store's state: one card per session
 * cookie, the other cookies, the site grade of the inspected site. Values are masked here unless
 * the user revealed them, so no component ever sees a value it should not print.
 */
import { BROWSER_NAMES, BROWSERS } from '../../core/reader.js';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import { cookiePrefix } from '../../detect/session-names.js';
import type { Finding } from '../../core/finding.js';
import type { CookieGrade, SiteGrade, TraceGrade } from '../../grade/grade-observations.js';
import { MASK } from '../../core/value-index.js';
import { valueIndexFor } from '../../report/json-report.js';
import { formatDuration } from '../../rules/lifetime-rules.js';
import { LETTERS, type Letter } from '../../core/letter.js';
import type { TimelineEvent } from '../../trace/analyze-trace.js';
import { fixNumber, type CachedMasking, type PanelCaches } from './panel-caches.js';
import type { AttributeView, ClearingResponse, CookieCardView } from './card-view.js';

export type { AttributeView, ClearingResponse, CookieCardView, UrlCount } from './card-view.js';

/** How many of the latest timeline events a card shows (it says how many there are). */
export const TIMELINE_SHOWN = 12;

export interface PanelView {
  readonly siteGrade: SiteGrade;
  readonly site: string | null;
  readonly sessionCards: readonly CookieCardView[];
  readonly otherCards: readonly CookieCardView[];
  readonly observationCount: number;
  readonly dropped: number;
  /** Cards hidden by the filter. */
  readonly filteredOut: number;
  /** Session cookies of the site seen only in requests, whose grade is unknown (not in the site grade). */
  readonly unknownSessionCookies: number;
}

export interface PanelViewInput {
  readonly trace: TraceGrade;
  /** How many exchanges the grade rests on. */
  readonly observationCount: number;
  readonly marks: ReadonlyMap<string, UserMark>;
  readonly revealValues: boolean;
  readonly filter: string;
  readonly dropped: number;
}

function lifetimeText(entry: CookieGrade): string {
  const { cookie, lifetimeSeconds } = entry;
  if (lifetimeSeconds === null) return 'browser session';
  const source = cookie.maxAge !== null ? 'Max-Age' : 'Expires';
  return `${formatDuration(lifetimeSeconds)} (${source})`;
}

function attributes(entry: CookieGrade, mask: (text: string) => string): AttributeView[] {
  const { cookie } = entry;
  if (entry.gradedFrom === 'sent') return [];
  // A deletion has no lifetime worth showing (its Expires is in the past by design).
  if (entry.deletion) return [];
  const prefix = cookiePrefix(cookie.name);
  return [
    { label: 'Secure', value: cookie.secure ? 'yes' : 'no', good: cookie.secure },
    { label: 'HttpOnly', value: cookie.httpOnly ? 'yes' : 'no', good: cookie.httpOnly },
    { label: 'SameSite', value: cookie.sameSite ?? 'not set', good: cookie.sameSite === 'Strict' || cookie.sameSite === 'Lax' },
    { label: 'Lifetime', value: lifetimeText(entry), good: null },
    { label: 'Domain', value: cookie.domain === null ? 'host-only' : mask(cookie.domain), good: cookie.domain === null },
    { label: 'Path', value: cookie.path === null ? 'default' : mask(cookie.path), good: cookie.path === '/' ? true : null },
    { label: 'Partitioned', value: cookie.partitioned ? 'yes' : 'no', good: null },
    { label: 'Prefix', value: prefix ?? 'none', good: prefix === '__Host-' ? true : prefix === null ? false : null },
    ...(entry.session.isSession && !entry.session.clientSide
      ? [
          {
            label: 'Entropy',
            value: `about ${Math.floor(entry.entropyBits)} bits`,
            good: entry.entropyBits >= 128 ? true : entry.entropyBits < 64 ? false : null,
          },
        ]
      : []),
    ...browserRows(entry),
  ];
}

/** What Chromium and Firefox do with the line (rubric section 1): "stores it" or "drops it". */
function browserRows(entry: CookieGrade): AttributeView[] {
  if (entry.browsers === null) return [];
  const browsers = entry.browsers;
  return BROWSERS.map((browser) => {
    const { outcome, explanation } = browsers[browser];
    const value = outcome === 'dropped' ? 'drops it' : explanation === null ? 'stores it' : 'stores it differently (see notes)';
    return { label: BROWSER_NAMES[browser], value, good: outcome === 'dropped' ? false : null };
  });
}

/** The responses of the timeline that deleted the cookie, distinct by method, URL and status. */
function clearingResponses(timeline: readonly TimelineEvent[], mask: (text: string) => string): ClearingResponse[] {
  const byKey = new Map<string, ClearingResponse>();
  for (let i = timeline.length - 1; i >= 0; i--) {
    const event = timeline[i] as TimelineEvent;
    if (event.type !== 'cleared') continue;
    const key = `${event.method} ${event.url} ${event.status}`;
    const seen = byKey.get(key);
    byKey.set(key, { method: event.method, url: mask(event.url), status: event.status, count: (seen?.count ?? 0) + 1 });
  }
  return [...byKey.values()];
}

/** Notes that concern an issuance: a deletion's card does not repeat them. */
const ISSUANCE_NOTES = new Set([
  'expires-without-max-age',
  'expires-overridden-by-max-age',
  'browser-session-cookie',
  'samesite-lax',
  'priority',
  'partitioned',
  'a-plus-needs-login',
  'rotated-on-login',
]);

/** For each finding whose fix (every framework's) an earlier finding of the card already gave, that finding's id. */
function repeatedFixes(findings: readonly Finding[], fixNumbers: readonly number[]): Record<string, string> {
  const first = new Map<number, string>();
  const same: Record<string, string> = {};
  for (const [at, finding] of findings.entries()) {
    const key = fixNumbers[at] as number;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, finding.id);
    else same[finding.id] = earlier;
  }
  return same;
}

/**
 * The line with its name-value pair's value replaced by MASK: the value index leaves values under
 * 8 characters alone in other text, but here the value sits where it always is.
 */
function withValueHidden(raw: string): string {
  const semicolon = raw.indexOf(';');
  const pairEnd = semicolon < 0 ? raw.length : semicolon;
  const equals = raw.indexOf('=');
  return equals < 0 || equals > pairEnd ? `${MASK}${raw.slice(pairEnd)}` : `${raw.slice(0, equals + 1)}${MASK}${raw.slice(pairEnd)}`;
}

/** How hard a finding's cap bites: -1 without a cap, then A+ (0) up to F (5). */
function capSeverity(cap: Finding['cap']): number {
  return cap === null ? -1 : LETTERS.indexOf(cap as Letter);
}

/** The finding that weighs most on the letter: the lowest cap first, then the largest deduction. */
function worstFinding(findings: readonly Finding[]): string | null {
  let worst: Finding | null = null;
  for (const finding of findings) {
    const candidate = capSeverity(finding.cap);
    const current = worst === null ? -2 : capSeverity(worst.cap);
    if (worst === null || candidate > current || (candidate === current && finding.deduction > worst.deduction)) worst = finding;
  }
  return worst?.id ?? null;
}

function matchesFilter(card: CookieCardView, filter: string): boolean {
  if (filter === '') return true;
  const needle = filter.toLowerCase();
  return (
    card.name.toLowerCase().includes(needle) ||
    card.framework.includes(needle) ||
    card.findings.some((finding) => finding.id.includes(needle)) ||
    card.notes.some((note) => note.id.includes(needle))
  );
}

/** What a card is built with besides its grade. */
interface CardContext {
  readonly mask: (text: string) => string;
  readonly revealValues: boolean;
  readonly caches: PanelCaches;
}

/** The card of one cookie's grade, its texts masked with `mask`. */
function cardView(entry: CookieGrade, position: number, mark: UserMark | null, context: CardContext): CookieCardView {
  const { mask, revealValues } = context;
  const fixNumbers = entry.findings.map((finding) => fixNumber(context.caches, finding.fix));
  const key = `${entry.identity.name}\u0000${entry.identity.domain}\u0000${entry.identity.path ?? ''}\u0000${entry.deletion}`;
  const setBy = entry.setByUrls;
  const sent = entry.sentByUrls;
  return {
    key,
    anchor: `cookie-${position}`,
    setCookieLine: entry.gradedFrom === 'set' ? mask(revealValues ? entry.cookie.raw : withValueHidden(entry.cookie.raw)) : null,
    worstFinding: worstFinding(entry.findings),
    change: entry.change === null || entry.deletion ? null : { ...entry.change, url: mask(entry.change.url) },
    isSession: entry.session.isSession,
    name: entry.cookie.name,
    grade: entry.grade,
    score: entry.score,
    gradedFrom: entry.gradedFrom,
    seenAs: entry.seenAs,
    framework: entry.session.framework,
    reason: entry.session.reason,
    why: entry.session.why,
    deletion: entry.deletion,
    thirdParty: entry.thirdParty,
    mark,
    value: revealValues ? entry.cookie.value : MASK,
    attributes: attributes(entry, mask),
    findings: entry.findings.map((finding) => ({ ...finding, message: mask(finding.message) })),
    notes: entry.notes.filter((note) => !entry.deletion || !ISSUANCE_NOTES.has(note.id)).map((note) => ({ ...note, message: mask(note.message) })),
    aPlusMissing: entry.aPlusMissing,
    setBy: setBy.recent.map(({ url, count }) => ({ url: mask(url), count })),
    setByCount: setBy.distinct,
    setByExchanges: setBy.entries,
    sentWith: sent.recent.map(({ url, count }) => ({ url: mask(url), count })),
    sentWithCount: sent.distinct,
    sentWithExchanges: sent.entries,
    timeline: entry.deletion ? [] : entry.timeline.slice(-TIMELINE_SHOWN).map((event) => ({ ...event, url: mask(event.url) })),
    timelineLength: entry.deletion ? 0 : entry.timeline.length,
    clearedBy: entry.deletion ? clearingResponses(entry.timeline, mask) : [],
    sameFixAs: repeatedFixes(entry.findings, fixNumbers),
    fixNumbers,
  };
}

const MASKED_TEXTS_KEPT = 20_000;

/** The index of the trace's values, and the texts it masked: kept while the trace's values are the same. */
function maskingFor(trace: TraceGrade, revealValues: boolean, caches: PanelCaches): CachedMasking {
  const kept = caches.masking;
  if (kept !== null && kept.values === trace.values && kept.revealValues === revealValues) return kept;
  return (caches.masking = { values: trace.values, revealValues, index: valueIndexFor(trace, revealValues), maskedTexts: new Map() });
}

/** The trace's mask, remembering what it masked. */
function rememberingMask({ index, maskedTexts }: CachedMasking): (text: string) => string {
  return (text) => {
    let result = maskedTexts.get(text);
    if (result === undefined) {
      if (maskedTexts.size >= MASKED_TEXTS_KEPT) maskedTexts.clear();
      result = index.mask(text);
      maskedTexts.set(text, result);
    }
    return result;
  };
}

/** The panel's view of the store's state; `caches` (the panel's own) keeps the cards no batch touched. */
export function buildPanelView(input: PanelViewInput, caches: PanelCaches): PanelView {
  const { trace, revealValues } = input;
  const masking = maskingFor(trace, revealValues, caches);
  const { index } = masking;
  const mask = rememberingMask(masking);
  const cards = trace.cookies.map((entry, position): CookieCardView => {
    // The grader keeps the grade of a cookie no batch touched: its card stays the same object.
    const mark = input.marks.get(entry.cookie.name) ?? null;
    const builtWith = `${position}\u0000${revealValues}\u0000${mark ?? ''}`;
    const known = caches.cards.get(entry);
    if (known !== undefined && known.index === index && known.builtWith === builtWith) return known.card;
    const card = cardView(entry, position, mark, { mask, revealValues, caches });
    caches.cards.set(entry, { index, builtWith, card });
    return card;
  });

  const visible = cards.filter((card) => matchesFilter(card, input.filter.trim()));
  return {
    siteGrade: trace.grade,
    site: trace.site,
    sessionCards: visible.filter((card) => card.isSession),
    otherCards: visible.filter((card) => !card.isSession),
    observationCount: input.observationCount,
    dropped: input.dropped,
    filteredOut: cards.length - visible.length,
    unknownSessionCookies: trace.unknownSessionCookies,
  };
}
