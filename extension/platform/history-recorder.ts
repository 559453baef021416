/**
 * Both ends of the recorded history (see history-messages.ts). The devtools page records the
 * inspected tab's exchanges from the moment DevTools opens; the panel, shown later, asks for them
 * instead of calling getHAR(), for which DevTools builds every entry of its log and sends the lot:
 * after 5,000 requests that took about 0.6 s before the panel had anything to grade.
 */
import type { Observation } from '../../src/observation/observation.js';
import { DEFAULT_MAX_OBSERVATIONS, dropOldest } from '../../src/ui/store/kept-exchanges.js';
import { slimObservation, type HeaderPool } from '../../src/ui/store/slim-observation.js';
import { isHistoryAnswer, isHistoryRequest, type HistoryAnswer, type HistoryChannel } from './history-messages.js';
import type { NetworkSource } from './network-source.js';

/** How long the panel waits for the devtools page's answer before it reads getHAR() itself. */
export const HISTORY_ANSWER_MILLISECONDS = 500;

/**
 * The devtools page's side: records what `source` sees (slimmed as the store keeps it, at most
 * `limit` exchanges, the oldest tenth dropped past it) and the page's URL, until it has answered
 * the first history request for `tabId`. Returns the function that stops it.
 */
export function recordHistory(source: NetworkSource, channel: HistoryChannel, tabId: number, limit = DEFAULT_MAX_OBSERVATIONS): () => void {
  let recorded: Observation[] = [];
  let pageUrl: string | null = null;
  let navigated = false;
  const headers: HeaderPool = new Map();
  const append = (observations: readonly Observation[]) => {
    for (const observation of observations) recorded.push(slimObservation(observation, headers));
    dropOldest(recorded, limit);
  };
  // Live exchanges from the start, so none is missed while DevTools answers for its earlier log.
  const stopObserving = source.onObservations(append);
  const stopNavigating = source.onNavigated((url) => {
    pageUrl = url;
    navigated = true;
  });
  const started = Promise.all([source.readHistory(), source.readPageUrl()])
    .then(([history, url]) => {
      const live = recorded;
      recorded = [];
      append([...history, ...live]);
      if (!navigated) pageUrl = url;
    })
    .catch(() => undefined);
  const stop = () => {
    stopObserving();
    stopNavigating();
    stopListening();
  };
  // One answer, then the panel's own listener has the tab (a shown panel lives as long as DevTools):
  // recording on would only take the same messages twice on the thread both pages share.
  const stopListening = channel.listen((data) => {
    if (!isHistoryRequest(data) || data.tabId !== tabId) return;
    stopListening();
    void started.then(() => {
      channel.send({ kind: 'history', tabId, id: data.id, observations: recorded, pageUrl });
      stop();
      recorded = [];
    });
  });
  return stop;
}

/** One exchange, told apart from others by what the history and the live entries both carry. */
function exchangeKey(observation: Observation): string {
  return `${observation.method} ${observation.url} ${observation.time} ${observation.status}`;
}

/**
 * The panel's side: `source` with its history and page URL taken from the devtools page's recorder
 * when it answers within `waitMilliseconds`, else from `source` itself (getHAR()). Live exchanges
 * and navigations still come from `source`. Both the recorder and DevTools' log go on recording
 * while the panel asks, so live batches that come before the history has been read wait for it,
 * and then leave out the exchanges it already holds.
 */
export function withRecordedHistory(
  source: NetworkSource,
  channel: HistoryChannel,
  tabId: number,
  newId: () => string,
  waitMilliseconds = HISTORY_ANSWER_MILLISECONDS,
): NetworkSource {
  // One request while one is open: at open the history and the page URL read the same answer.
  let asking: Promise<HistoryAnswer | null> | null = null;
  const ask = (): Promise<HistoryAnswer | null> =>
    (asking ??= new Promise<HistoryAnswer | null>((resolve) => {
      const id = newId();
      const finish = (answer: HistoryAnswer | null) => {
        clearTimeout(timer);
        stop();
        resolve(answer);
      };
      const stop = channel.listen((data) => {
        if (isHistoryAnswer(data) && data.id === id && data.tabId === tabId) finish(data);
      });
      const timer = setTimeout(() => finish(null), waitMilliseconds);
      channel.send({ kind: 'history-request', tabId, id });
    }).finally(() => {
      asking = null;
    }));
  let historyRead = false;
  let early: Observation[] = [];
  let live: ((observations: Observation[]) => void) | null = null;
  return {
    readHistory: async () => {
      const history = [...((await ask())?.observations ?? (await source.readHistory()))];
      // After the caller has taken the history (its continuation runs first), the batches that came meanwhile.
      setTimeout(() => {
        const known = new Set(history.map(exchangeKey));
        const fresh = early.filter((observation) => !known.has(exchangeKey(observation)));
        early = [];
        historyRead = true;
        if (fresh.length > 0) live?.(fresh);
      }, 0);
      return history;
    },
    readPageUrl: async () => {
      const answer = await ask();
      return answer ? answer.pageUrl : source.readPageUrl();
    },
    onObservations: (callback) => {
      live = callback;
      return source.onObservations((batch) => {
        if (historyRead) callback(batch);
        else for (const observation of batch) early.push(observation);
      });
    },
    onNavigated: (callback) => source.onNavigated(callback),
    // Passed through: a wrapper that dropped it would leave unconfirmed logins unsaid.
    ...(source.onUnconfirmed ? { onUnconfirmed: source.onUnconfirmed.bind(source) } : {}),
  };
}
