/**
 * `--save-har`: the exchanges the CLI made, as a HAR 1.2 log that the panel, the CLI and other
 * tools can open again. Headers only (bodies are never kept); request parameters by name only
 * (a login's password never reaches the file); every text goes through `hide`, which replaces
 * cookie values with stand-ins unless the user asked to see them.
 */
import { headerValues, type Observation } from '../observation/observation.js';
import { VERSION } from '../version.js';

const HIDDEN_PARAMETER = '[value hidden]';

export function buildHar(observations: readonly Observation[], hide: (text: string) => string): object {
  const headers = (list: Observation['requestHeaders']) => list.map((header) => ({ name: header.name, value: hide(header.value) }));
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
            url: hide(observation.url),
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
            redirectURL: location === undefined ? '' : hide(location),
            headersSize: -1,
            bodySize: -1,
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        };
      }),
    },
  };
}
