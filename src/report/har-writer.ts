/**
 * `--save-har`: the exchanges the CLI made, as a HAR 1.2 log that the panel, the CLI and other
 * tools can open again. Headers only (bodies are never kept); body and query parameters by name
 * only (a login's password, an `?api_key=`, never reach the file), except where a parameter
 * carries a cookie value, whose stand-in stays so that `id-in-url` grades the same; every text
 * goes through `hide`, which replaces cookie values with stand-ins unless the user asked to see
 * them, and masks credentials.
 */
import { headerValues, type Observation } from '../observation/observation.js';
import { VERSION } from '../version.js';

const HIDDEN_PARAMETER = '[value hidden]';
/** What a query parameter's value becomes in a saved URL (URL-safe, unlike HIDDEN_PARAMETER). */
const HIDDEN_QUERY_VALUE = '_';

/** A URL with its query's values dropped, but for those that carry a (hidden) cookie value. */
export function urlByParameterNames(url: string, hide: (text: string) => string): string {
  const question = url.indexOf('?');
  if (question < 0) return hide(url);
  const hash = url.indexOf('#', question);
  const query = url.slice(question + 1, hash < 0 ? url.length : hash);
  const pairs = query.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    if (equals < 0) return hide(pair);
    const value = pair.slice(equals + 1);
    const hidden = hide(value);
    return `${hide(pair.slice(0, equals))}=${hidden !== value ? hidden : value === '' ? '' : HIDDEN_QUERY_VALUE}`;
  });
  return `${hide(url.slice(0, question))}?${pairs.join('&')}${hash < 0 ? '' : hide(url.slice(hash))}`;
}

/** Header values that hold a URL: their queries are kept by name too. */
const URL_HEADERS = new Set(['referer', 'location', 'content-location']);

/** The HAR entry field that marks an exchange the CLI's `--active` made, naming its check (readers skip such entries). */
export const ACTIVE_CHECK_FIELD = '_activeCheck';

/**
 * The HAR log of `observations`. `marks` names, for each exchange `--active` made, the check it
 * was made for: its entry gets that name in `_activeCheck` and a comment, so that no one (and no
 * reader of this project) takes it for the flow's own traffic.
 */
export function buildHar(observations: readonly Observation[], hide: (text: string) => string, marks: ReadonlyMap<Observation, string> = new Map()): object {
  const headers = (list: Observation['requestHeaders']) =>
    list.map((header) => ({
      name: header.name,
      value: URL_HEADERS.has(header.name.toLowerCase()) ? urlByParameterNames(header.value, hide) : hide(header.value),
    }));
  return {
    log: {
      version: '1.2',
      creator: { name: 'session-cookie-inspector', version: VERSION },
      entries: observations.map((observation) => {
        const location = headerValues(observation.responseHeaders, 'location')[0];
        const contentType = headerValues(observation.requestHeaders, 'content-type')[0];
        return {
          startedDateTime: new Date(observation.time).toISOString(),
          time: 0,
          request: {
            method: observation.method,
            url: urlByParameterNames(observation.url, hide),
            httpVersion: 'HTTP/1.1',
            headers: headers(observation.requestHeaders),
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: -1,
            ...(observation.requestBodyParamNames === null
              ? {}
              : {
                  postData: {
                    mimeType: contentType ?? 'application/x-www-form-urlencoded',
                    params: observation.requestBodyParamNames.map((name) => ({ name, value: HIDDEN_PARAMETER })),
                  },
                }),
          },
          response: {
            status: observation.status,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            headers: headers(observation.responseHeaders),
            cookies: [],
            content: { size: 0, mimeType: '' },
            redirectURL: location === undefined ? '' : urlByParameterNames(location, hide),
            headersSize: -1,
            bodySize: -1,
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
          ...activeMark(marks.get(observation)),
        };
      }),
    },
  };
}

/** The fields that mark an exchange `--active` made for `check` (none for the flow's own). */
function activeMark(check: string | undefined): object {
  if (check === undefined) return {};
  return { [ACTIVE_CHECK_FIELD]: check, comment: `Sent by session-cookie-inspector --active for ${check}, after the flow: not part of the graded trace.` };
}
