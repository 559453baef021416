/**
 * InspectedPage over devtools.inspectedWindow (passed in). The expression is a constant of ours:
 * no text from the page is ever evaluated. What comes back is only evidence that script can see
 * a cookie (the page can override document.cookie), never a grade on its own (rubric 2.3).
 */
import type { InspectedPage } from './panel-platform.js';

export interface InspectedWindowApi {
  eval(expression: string): Promise<unknown>;
  reload(options?: { ignoreCache?: boolean }): void;
}

const READ_COOKIES = 'document.cookie';
/** Evaluated in the top frame (inspectedWindow.eval's default): the inspected page, never an iframe. */
const READ_TOP_URL = 'location.href';

/** The inspected tab's top-level URL, or null (an extension page, a crashed tab). */
export async function inspectedTopLevelUrl(inspectedWindow: Pick<InspectedWindowApi, 'eval'>): Promise<string | null> {
  try {
    const answer = await inspectedWindow.eval(READ_TOP_URL);
    // webextension-polyfill resolves to [result, exceptionInfo]; Chrome's raw API to the result.
    const result = Array.isArray(answer) ? answer[0] : answer;
    return typeof result === 'string' ? result : null;
  } catch {
    return null;
  }
}

export function createInspectedPage(inspectedWindow: InspectedWindowApi): InspectedPage {
  return {
    readCookieString: async () => {
      try {
        const answer = await inspectedWindow.eval(READ_COOKIES);
        // webextension-polyfill resolves to [result, exceptionInfo]; Chrome's raw API to the result.
        const result = Array.isArray(answer) ? answer[0] : answer;
        return typeof result === 'string' ? result : null;
      } catch {
        return null;
      }
    },
    reload: () => inspectedWindow.reload({ ignoreCache: true }),
  };
}
