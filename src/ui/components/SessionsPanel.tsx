/**
 * The Sessions panel's root: the only component that reads the store. Everything below it takes
 * plain props. What it needs from the browser (clipboard, downloads, remembering marks) comes in
 * as `actions`, so the same UI runs in a test without any extension API.
 */
import { useComputed } from '@preact/signals';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { UserMark } from '../../detect/detect-session-cookie.js';
import { buildJsonReport } from '../../report/json-report.js';
import { formatMarkdownReport } from '../../report/markdown-report.js';
import type { PanelCaches } from '../store/panel-caches.js';
import { buildPanelView } from '../store/panel-view.js';
import { applyEvent, type SessionsStore } from '../store/sessions-store.js';
import { CaptureStatus } from './CaptureStatus.js';
import { UnconfirmedLoginNote, unconfirmedLoginLine } from './UnconfirmedLoginNote.js';
import { CookieCard } from './CookieCard.js';
import type { PanelActions, StoreActionResult } from './panel-actions.js';
import { EmptyState, NoSessionCookie } from './EmptyState.js';
import { GradeBadge } from './GradeBadge.js';
import { LetterLegend } from './LetterLegend.js';
import { SummaryTable } from './SummaryTable.js';
import { Toolbar } from './Toolbar.js';

/** Cards rendered at first; more on request, so thousands of cookies never stall DevTools. */
export const CARDS_PER_PAGE = 50;

export interface SessionsPanelProps {
  readonly store: SessionsStore;
  /** The panel's caches, owned by its composition root (mountPanel). */
  readonly caches: PanelCaches;
  readonly actions: PanelActions;
  readonly browser: 'chrome' | 'firefox';
  /** The bundled rules page; each finding id links to `#<id>` there. */
  readonly rulesPageUrl?: string;
}

function hostOf(url: string | null): string | null {
  try {
    return url === null ? null : new URL(url).hostname;
  } catch {
    return null;
  }
}

function fileStem(site: string | null): string {
  return `session-cookies-${(site ?? 'devtools').replace(/[^a-z0-9.-]/gi, '_')}`;
}

export function SessionsPanel({ store, caches, actions, browser, rulesPageUrl }: SessionsPanelProps) {
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  /** The anchors of the cards the user collapsed (kept here so a summary row can open its card again). */
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  // The callbacks the cards take stay the same between renders, so a card whose view did not
  // change (a cookie no batch touched) is not rendered again (CookieCard is memoized).
  const collapse = useCallback(
    (anchor: string, value: boolean) =>
      setCollapsed((before) => {
        const after = new Set(before);
        if (value) after.add(anchor);
        else after.delete(anchor);
        return after;
      }),
    [],
  );
  const view = useComputed(() =>
    buildPanelView(
      {
        trace: store.trace.value,
        observationCount: store.gradedCount.value,
        marks: store.marks.value,
        revealValues: store.revealValues.value,
        filter: store.filter.value,
        dropped: store.dropped.value,
      },
      caches,
    ),
  ).value;

  const pageHost = hostOf(store.pageUrl.value);
  const report = () => buildJsonReport(store.pageUrl.value ?? 'DevTools session', store.trace.value, { showValues: store.revealValues.value });
  const mark = useCallback((name: string, value: UserMark | null) => actions.mark(name, value), [actions]);
  const storeActions = useMemo(() => ({ readStore: actions.readStore, clearAndReload: actions.clearAndReload }), [actions]);
  const unconfirmed = store.unconfirmed.value;
  const unconfirmedLine = useMemo(() => unconfirmedLoginLine(unconfirmed), [unconfirmed]);
  // What each card's last store action said, by cookie name (a card read from the store is a new card).
  const [storeResults, setStoreResults] = useState<ReadonlyMap<string, StoreActionResult>>(new Map());
  const noteStoreResult = useCallback((name: string, result: StoreActionResult) => setStoreResults((results) => new Map(results).set(name, result)), []);
  const siteCards = [...view.sessionCards, ...view.otherCards].filter((card) => !card.thirdParty);
  /** Shows a summary row's card: pages it in, opens "Other cookies" if it sits there, scrolls to it. */
  const openCard = (anchor: string) => {
    const index = view.sessionCards.findIndex((card) => card.anchor === anchor);
    if (index >= shown) setShown(index + 1);
    collapse(anchor, false);
    setTimeout(() => {
      const element = document.getElementById(anchor);
      const others = element?.closest('details');
      if (others instanceof HTMLDetailsElement) others.open = true;
      element?.scrollIntoView?.({ block: 'start' });
      element?.focus();
    }, 0);
  };
  const nothingYet = view.sessionCards.length === 0 && view.otherCards.length === 0 && view.filteredOut === 0;

  return (
    <div class="panel" data-theme={store.theme.value}>
      <header class="panel-header">
        <div class="site" data-site-grade={view.siteGrade}>
          <GradeBadge grade={view.siteGrade} size="large" />
          <div>
            <h1>{view.site ?? 'Sessions'}</h1>
            <p class="hint">
              {view.siteGrade === 'none' ? 'No session cookie graded for this site yet.' : 'Site grade: the worst of its session cookies.'}
              {view.unknownSessionCookies > 0
                ? ` ${view.unknownSessionCookies} seen only in requests ${view.unknownSessionCookies === 1 ? 'is' : 'are'} not counted (grade unknown).`
                : ''}
            </p>
            <LetterLegend />
          </div>
        </div>
        <Toolbar
          filter={store.filter.value}
          revealValues={store.revealValues.value}
          onFilter={(text) => applyEvent(store, { type: 'filtered', text })}
          onReveal={(reveal) => applyEvent(store, { type: 'values-revealed', reveal })}
          onExportJson={() => actions.download(`${fileStem(view.site)}.json`, 'application/json', JSON.stringify(report(), null, 2))}
          onExportMarkdown={() => actions.download(`${fileStem(view.site)}.md`, 'text/markdown', formatMarkdownReport(report()))}
          onClear={() => applyEvent(store, { type: 'cleared' })}
        />
        <CaptureStatus
          host={pageHost}
          granted={pageHost !== null && store.exactHosts.value.has(pageHost)}
          live={store.exactLive.value}
          onStart={actions.startExactCapture}
        />
      </header>
      <UnconfirmedLoginNote
        exchanges={store.unconfirmed.value}
        browser={browser}
        canCaptureExactly={actions.startExactCapture !== undefined && !(pageHost !== null && store.exactHosts.value.has(pageHost))}
      />
      {view.dropped > 0 ? (
        <p class="notice" role="status">
          Keeping the last {store.maxObservations} requests: {view.dropped} older ones were dropped.
        </p>
      ) : null}
      {nothingYet ? <EmptyState browser={browser} observationCount={view.observationCount} /> : null}
      {!nothingYet && view.sessionCards.length === 0 && view.filteredOut === 0 ? <NoSessionCookie pageUrl={store.pageUrl.value} /> : null}
      <SummaryTable cards={siteCards} onOpen={openCard} />
      {view.filteredOut > 0 ? (
        <p class="hint">
          {view.filteredOut} {view.filteredOut === 1 ? 'cookie' : 'cookies'} hidden by the filter.
        </p>
      ) : null}
      <section aria-label="Session cookies" class="cards">
        {view.sessionCards.slice(0, shown).map((card) => (
          <CookieCard
            key={card.key}
            card={card}
            onMark={mark}
            copy={actions.copyText}
            storeActions={storeActions}
            storeResult={storeResults.get(card.name) ?? null}
            onStoreResult={noteStoreResult}
            unconfirmedLogin={card.thirdParty || card.deletion ? null : unconfirmedLine}
            site={view.site}
            rulesPageUrl={rulesPageUrl}
            collapsed={collapsed.has(card.anchor)}
            onCollapse={collapse}
          />
        ))}
        {view.sessionCards.length > shown ? (
          <button type="button" class="more" onClick={() => setShown(shown + CARDS_PER_PAGE)}>
            Show {Math.min(CARDS_PER_PAGE, view.sessionCards.length - shown)} more
          </button>
        ) : null}
      </section>
      {view.otherCards.length > 0 ? (
        <details class="others">
          <summary>Other cookies ({view.otherCards.length}): not session ids, not graded</summary>
          {view.otherCards.slice(0, shown).map((card) => (
            <CookieCard
              key={card.key}
              card={card}
              onMark={mark}
              copy={actions.copyText}
              rulesPageUrl={rulesPageUrl}
              collapsed={collapsed.has(card.anchor)}
              onCollapse={collapse}
            />
          ))}
        </details>
      ) : null}
    </div>
  );
}
