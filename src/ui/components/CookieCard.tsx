import { Component } from 'preact';
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import type { AttributeChange } from '../../grade/grade-observations.js';
import type { CookieCardView, UrlCount } from '../store/panel-view.js';
import { combinedFix, type CombinedFix as CombinedFixBlock } from '../../rules/combined-fix/combined-fix.js';
import { fixSnippet } from '../../report/fix-snippet.js';
import { clearedAtLogout, ClearedAtLogoutNote } from './ClearedAtLogoutNote.js';
import { CopyButton } from './CopyButton.js';
import { Prose } from './Prose.js';
import { GradeBadge } from './GradeBadge.js';
import type { StoreActionResult } from './panel-actions.js';
import { sameList } from '../../core/same-list.js';

export interface StoreActions {
  readStore(): Promise<StoreActionResult>;
  clearAndReload(): Promise<StoreActionResult>;
}

export interface CookieCardProps {
  readonly card: CookieCardView;
  readonly onMark: (name: string, mark: UserMark | null) => void;
  readonly copy: (text: string) => Promise<boolean>;
  readonly storeActions?: StoreActions;
  /**
   * What the last store action on this cookie's card said. Kept by the panel, not the card: reading
   * the store gives the cookie its domain and path, a new card key, so a card's own state is lost.
   */
  readonly storeResult?: StoreActionResult | null;
  readonly onStoreResult?: (name: string, result: StoreActionResult) => void;
  /** Said on a session cookie's card while a login's Cookie header is unconfirmed (UnconfirmedLoginNote). */
  readonly unconfirmedLogin?: string | null;
  readonly site?: string | null;
  /** The bundled rules page: finding ids link to their entry. */
  readonly rulesPageUrl?: string;
  /** Only the header shows; the panel keeps which cards are collapsed. */
  readonly collapsed?: boolean;
  readonly onCollapse?: (anchor: string, collapsed: boolean) => void;
}

/**
 * A session cookie the trace did not see being set (rubric 2.3): what its grade rests on, and the
 * ways to learn more: read the store (while its attributes are unknown), or clear the site's
 * cookies and reload so the server sets it again. Both ask for the optional permission inside
 * this click; clearing asks for confirmation first.
 */
function SetOutsideTrace({
  gradedFrom,
  actions,
  site,
  result,
  onResult,
}: {
  gradedFrom: 'sent' | 'store';
  actions: StoreActions | undefined;
  site: string | null;
  result: StoreActionResult | null;
  onResult: (result: StoreActionResult) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const run = (action: () => Promise<StoreActionResult>) => {
    setConfirming(false);
    void action().then(onResult);
  };
  return (
    <div class="set-outside-trace">
      {gradedFrom === 'sent' ? (
        <p>
          <strong>Seen in requests; attributes unknown.</strong> It was set before the recording started (or by script), so no Set-Cookie shows its Secure,
          HttpOnly, SameSite or lifetime. The findings below need none of them.
        </p>
      ) : (
        <p class="hint graded-from-store">Graded from the browser's cookie store.</p>
      )}
      {actions ? (
        <div class="store-actions">
          {gradedFrom === 'sent' ? (
            <button type="button" class="read-store" onClick={() => run(actions.readStore)}>
              Read from the browser
            </button>
          ) : null}
          {confirming ? (
            <span class="confirm" role="group" aria-label="Confirm clearing cookies">
              This deletes every cookie of {site ?? 'this site'} (you will be logged out) and reloads the page.{' '}
              <button type="button" class="confirm-clear" onClick={() => run(actions.clearAndReload)}>
                Clear and reload
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" class="clear-site" onClick={() => setConfirming(true)}>
              Clear this site's cookies and reload
            </button>
          )}
          <p class="hint">
            Either asks for the optional <code>cookies</code> permission for this site only, the first time.
          </p>
        </div>
      ) : null}
      {result ? (
        <p class={result.ok ? 'hint' : 'notice'} role="status">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}

const REASONS: Readonly<Record<string, string>> = {
  'value-format': 'recognised by its value',
  'framework-name': "a framework's default name",
  'name-pattern': 'its name says session',
  'login-response': 'set by a login response',
  'user-marked': 'marked by you',
  'never-session': 'never a session cookie',
  'no-match': 'no session pattern',
  companion: 'the signature of another cookie',
};

function UrlList({ title, urls, count, exchanges, noun }: { title: string; urls: readonly UrlCount[]; count: number; exchanges: number; noun: string }) {
  if (count === 0) return null;
  const summary = `${title} ${exchanges} ${exchanges === 1 ? noun : `${noun}s`}${count === exchanges ? '' : ` to ${count} ${count === 1 ? 'URL' : 'URLs'}`}`;
  return (
    <details class="urls">
      <summary class="label">{summary}</summary>
      <ul>
        {urls.map(({ url, count: times }) => (
          <li key={url}>
            {url}
            {times > 1 ? <span class="count"> ({times}x)</span> : null}
          </li>
        ))}
        {count > urls.length ? <li class="more">and {count - urls.length} more URLs</li> : null}
      </ul>
    </details>
  );
}

/** A URL as the card names a request: its path and query, the whole URL on hover. */
function RequestUrl({ url }: { url: string }) {
  let shown = url;
  try {
    const parsed = new URL(url);
    shown = `${parsed.pathname}${parsed.search}`;
  } catch {
    // Not a URL the browser parses: show it whole.
  }
  return (
    <span class="url" title={url}>
      {shown}
    </span>
  );
}

/** "Cleared by POST /logout (303)": the responses that deleted the cookie. */
function ClearedBy({ responses }: { responses: CookieCardView['clearedBy'] }) {
  return (
    <p class="cleared-by">
      <strong>Cleared by</strong>{' '}
      {responses.map((response, index) => (
        <span key={`${response.method} ${response.url} ${response.status}`}>
          {index > 0 ? ', ' : ''}
          {response.method} <RequestUrl url={response.url} /> ({response.status}){response.count > 1 ? ` ${response.count}x` : ''}
        </span>
      ))}
    </p>
  );
}

function Timeline({ events, length }: { events: CookieCardView['timeline']; length: number }) {
  if (events.length === 0) return null;
  return (
    <div class="timeline">
      <span class="label">Timeline{length > events.length ? ` (last ${events.length} of ${length})` : ''}</span>
      <ol>
        {events.map((event) => (
          <li key={`${event.time}-${event.type}`} data-event={event.type}>
            <strong>{event.type}</strong>
            {event.type === 'sent' && event.count > 1 ? ` x${event.count}, from` : ''} {event.method} {event.url}
            {event.type !== 'sent' ? ` (${event.status})` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Every fix at once, as one block of the framework's configuration to paste in place of the app's own. */
function CombinedFix({ fix, copy }: { fix: CombinedFixBlock; copy: (text: string) => Promise<boolean> }) {
  return (
    <details class="combined-fix" data-framework={fix.framework}>
      <summary>{fix.title}</summary>
      <pre>
        <code>{fix.code}</code>
      </pre>
      <CopyButton text={fix.code} label={`Copy: ${fix.title.replace(/^Your /, 'your ')}`} copy={copy} />
    </details>
  );
}

function letterText(letter: string | null): string {
  return letter === null ? 'no letter' : letter === 'unknown' ? 'unknown' : letter;
}

/** What the latest Set-Cookie changed: the demo's loop of flipping an option and reloading. */
function ChangeLine({ change }: { change: AttributeChange }) {
  const parts = [
    change.appeared.length > 0 ? `new: ${change.appeared.join(', ')}` : '',
    change.disappeared.length > 0 ? `gone: ${change.disappeared.join(', ')}` : '',
  ].filter(Boolean);
  return (
    <p class="change" data-change-before={letterText(change.before)} data-change-after={letterText(change.after)}>
      <strong>Issued again with other attributes</strong> by <span class="url">{change.url}</span>:{' '}
      {change.before === change.after ? `still ${letterText(change.after)}` : `${letterText(change.before)} → ${letterText(change.after)}`}
      {parts.length > 0 ? `; ${parts.join('; ')}.` : '.'}
      {change.before !== change.after ? " The card shows the worst of its Set-Cookie lines; clear the site's cookies to grade only the new one." : ''}
    </p>
  );
}

/**
 * What an issuance shows (attributes, the combined fix, findings with their fixes, notes, the
 * A+ hint): the bulk of a card, and the part a new batch of requests rarely changes. The card
 * memoizes it on its content, so a re-render after each batch skips it unless it changed.
 */
function FindingsAndFixes({ card, copy, rulesPageUrl }: { card: CookieCardView; copy: (text: string) => Promise<boolean>; rulesPageUrl: string | undefined }) {
  // One A+ hint: the "For A+" line already says that a login is what is missing.
  const showsAPlusLine = card.grade === 'A' && card.aPlusMissing.length > 0;
  const visibleNotes = showsAPlusLine ? card.notes.filter((note) => note.id !== 'a-plus-needs-login') : card.notes;
  return (
    <>
      <dl class="attributes">
        {card.attributes.map((attribute) => (
          <div key={attribute.label} class={attribute.good === true ? 'ok' : attribute.good === false ? 'problem' : ''}>
            <dt>{attribute.label}</dt>
            <dd>{attribute.value}</dd>
          </div>
        ))}
      </dl>
      {card.isSession && !card.deletion && card.findings.length > 0 ? (
        <CombinedFix
          fix={combinedFix(
            card.framework,
            card.findings.map((finding) => finding.id),
            card.name,
          )}
          copy={copy}
        />
      ) : null}
      {card.findings.length > 0 ? (
        <ul class="findings">
          {card.findings.map((finding) => (
            <li key={finding.id} data-finding={finding.id}>
              <p>
                {rulesPageUrl ? (
                  <a class="rule-link" href={`${rulesPageUrl}#${finding.id}`} target="_blank" rel="noreferrer" title={`What ${finding.id} means`}>
                    <strong>{finding.id}</strong>
                  </a>
                ) : (
                  <strong>{finding.id}</strong>
                )}
                {finding.deduction || finding.cap ? (
                  <span class="cost">
                    {[finding.deduction ? `-${finding.deduction} points` : '', finding.cap ? `caps the letter at ${finding.cap}` : '']
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                ) : null}{' '}
                <Prose text={finding.message} />
              </p>
              {card.sameFixAs[finding.id] !== undefined ? <p class="fix same-fix">Same fix as {card.sameFixAs[finding.id]}, above.</p> : null}
              {(card.sameFixAs[finding.id] !== undefined ? [] : Object.entries(finding.fix)).map(([framework, fix]) => (
                <div class="fix" key={framework}>
                  <span class="label">Fix ({framework})</span>
                  <Prose className="fix-text" text={fix} />
                  <CopyButton text={fixSnippet(finding.id, framework, fix)} label={`Copy the ${framework} snippet for ${finding.id}`} copy={copy} />
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : card.isSession && !card.deletion ? (
        <p class="no-findings">No findings.</p>
      ) : null}
      {visibleNotes.length > 0 ? (
        <ul class="notes">
          {visibleNotes.map((note, index) => (
            <li key={`${note.id}-${index}`} data-note={note.id}>
              <span class="label">{note.id}</span> <Prose text={note.message} />
            </li>
          ))}
        </ul>
      ) : null}
      {showsAPlusLine ? (
        <p class="a-plus">
          <span class="label">For A+</span> {card.aPlusMissing.join(', ')}
          {card.aPlusMissing.includes('an observed login that rotates the id') ? ': log in while this panel is open to check that the id rotates.' : '.'}
        </p>
      ) : null}
    </>
  );
}

/** Whether two cards give FindingsAndFixes the same content (a fix compared by its number): it then renders the same. */
export function sameFindingsAndFixes(a: CookieCardView, b: CookieCardView): boolean {
  if (a === b) return true;
  const sameFixAs = Object.keys(a.sameFixAs);
  return (
    a.name === b.name &&
    a.framework === b.framework &&
    a.isSession === b.isSession &&
    a.deletion === b.deletion &&
    a.grade === b.grade &&
    sameList(a.attributes, b.attributes, (x, y) => x.label === y.label && x.value === y.value && x.good === y.good) &&
    sameList(a.findings, b.findings, (x, y) => x.id === y.id && x.deduction === y.deduction && x.cap === y.cap && x.message === y.message) &&
    sameList(a.fixNumbers, b.fixNumbers) &&
    sameList(a.notes, b.notes, (x, y) => x.id === y.id && x.message === y.message) &&
    sameList(a.aPlusMissing, b.aPlusMissing) &&
    sameFixAs.length === Object.keys(b.sameFixAs).length &&
    sameFixAs.every((id) => a.sameFixAs[id] === b.sameFixAs[id])
  );
}

/** The FindingsAndFixes element a card rendered last, with what it was built from. */
interface ShownFindings {
  readonly card: CookieCardView;
  readonly copy: CookieCardProps['copy'];
  readonly rulesPageUrl: CookieCardProps['rulesPageUrl'];
  readonly element: JSX.Element;
}

function CookieCardContent({
  card,
  onMark,
  copy,
  storeActions,
  storeResult = null,
  onStoreResult,
  unconfirmedLogin = null,
  site = null,
  rulesPageUrl,
  collapsed = false,
  onCollapse,
}: CookieCardProps) {
  // Rebuilt only when its content changed: the same element is skipped by the diff.
  const shown = useRef<ShownFindings | null>(null);
  const before = shown.current;
  let findingsAndFixes = before?.element;
  if (findingsAndFixes === undefined || before?.copy !== copy || before.rulesPageUrl !== rulesPageUrl || !sameFindingsAndFixes(before.card, card)) {
    findingsAndFixes = <FindingsAndFixes card={card} copy={copy} rulesPageUrl={rulesPageUrl} />;
    shown.current = { card, copy, rulesPageUrl, element: findingsAndFixes };
  }
  return (
    <article
      class="card"
      id={card.anchor}
      tabIndex={-1}
      data-cookie-name={card.name}
      data-grade={card.grade ?? 'none'}
      data-graded-from={card.gradedFrom}
      aria-label={`${card.name} cookie`}
      data-collapsed={collapsed ? '' : undefined}
    >
      <header class="card-header">
        {onCollapse ? (
          <button
            type="button"
            class="collapse"
            aria-expanded={!collapsed}
            aria-controls={`${card.anchor}-body`}
            title={collapsed ? `Show the ${card.name} card` : `Collapse the ${card.name} card`}
            onClick={() => onCollapse(card.anchor, !collapsed)}
          >
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            <span class="visually-hidden">
              {collapsed ? 'Expand' : 'Collapse'} {card.name}
            </span>
          </button>
        ) : null}
        <GradeBadge grade={card.deletion ? null : card.grade} />
        <h3>{card.name}</h3>
        {card.framework !== 'unknown' ? <span class="tag">{card.framework}</span> : null}
        {card.deletion ? <span class="tag">deletion</span> : null}
        {card.thirdParty ? <span class="tag">other site</span> : null}
        {card.score !== null ? <span class="score">score {card.score}</span> : null}
        <label class="mark">
          <span class="visually-hidden">Treat {card.name} as</span>
          <select
            value={card.mark ?? 'auto'}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              onMark(card.name, value === 'auto' ? null : (value as UserMark));
            }}
          >
            <option value="auto">{card.deletion ? 'detected' : `detected: ${REASONS[card.reason] ?? card.reason}`}</option>
            <option value="session">mark as session</option>
            <option value="not-session">mark as not a session</option>
          </select>
        </label>
      </header>
      <div class="card-body" id={`${card.anchor}-body`} hidden={collapsed}>
        <p class="value">
          <span class="label">Value</span> <code>{card.value}</code>
        </p>
        {card.deletion ? null : (
          <p class="detection">
            <span class="label">Detected</span> {REASONS[card.reason] ?? card.reason}: {card.why}
          </p>
        )}
        {card.gradedFrom !== 'set' && !card.deletion ? (
          <SetOutsideTrace
            gradedFrom={card.gradedFrom}
            actions={card.isSession ? storeActions : undefined}
            site={site}
            result={storeResult}
            onResult={(result) => onStoreResult?.(card.name, result)}
          />
        ) : null}
        {unconfirmedLogin !== null ? (
          <p class="notice unconfirmed-on-card" role="note">
            {unconfirmedLogin}
          </p>
        ) : null}
        {card.change !== null ? <ChangeLine change={card.change} /> : null}
        {card.setCookieLine !== null ? (
          <details class="raw-line">
            <summary>Set-Cookie line</summary>
            <code>{card.setCookieLine}</code>
          </details>
        ) : null}
        {findingsAndFixes}
        <Timeline events={card.timeline} length={card.timelineLength} />
        {clearedAtLogout(card) ? <ClearedAtLogoutNote rulesPageUrl={rulesPageUrl} /> : null}
        {card.clearedBy.length > 0 ? (
          <ClearedBy responses={card.clearedBy} />
        ) : (
          <UrlList title={card.deletion ? 'Cleared by' : 'Set by'} urls={card.setBy} count={card.setByCount} exchanges={card.setByExchanges} noun="response" />
        )}
        {card.deletion ? null : <UrlList title="Sent by" urls={card.sentWith} count={card.sentWithCount} exchanges={card.sentWithExchanges} noun="request" />}
      </div>
    </article>
  );
}

/**
 * One cookie: grade, attributes, findings with fixes, notes, where it was set and sent. Rendered
 * again only when a prop changed: the view keeps the card of a cookie no batch touched. (Not
 * preact/compat's memo: importing compat makes every onChange listen to input events.)
 */
export class CookieCard extends Component<CookieCardProps> {
  override shouldComponentUpdate(next: CookieCardProps): boolean {
    const before = this.props as unknown as Readonly<Record<string, unknown>>;
    const after = next as unknown as Readonly<Record<string, unknown>>;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) if (key !== 'children' && before[key] !== after[key]) return true;
    return false;
  }

  override render(props: CookieCardProps) {
    return <CookieCardContent {...props} />;
  }
}
