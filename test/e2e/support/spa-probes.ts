/**
 * A single-page app in the Chromium panel's tests (test/e2e/support/proxied-demo.ts serves it under
 * /spa/): the page fires many API reads, and a card's first graded appearance is timed inside the
 * panel by a MutationObserver, not by polling from the test.
 */
import type { Frame, Page } from 'puppeteer-core';

/** Starts timing the first graded card of cookie `name` (it must not be shown yet). */
export async function watchForCard(panel: Frame, name: string): Promise<void> {
  await panel.evaluate((cookie: string) => {
    const seen = ((window as unknown as { cardSeenAt?: Record<string, number> }).cardSeenAt ??= {});
    const selector = `.card[data-cookie-name="${cookie}"]`;
    if (document.querySelector(selector) !== null) throw new Error(`a card for ${cookie} is already shown`);
    // Graded: its Set-Cookie line has been taken (a card from a request sending it alone says "unknown").
    const graded = `${selector}:not([data-grade="unknown"])`;
    const observer = new MutationObserver(() => {
      if (document.querySelector(graded) === null) return;
      seen[cookie] = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-grade'] });
  }, name);
}

/** When (epoch ms) the card of `name` was first shown graded, as watchForCard timed it. */
export async function cardSeenAt(panel: Frame, name: string, timeoutMs = 20_000): Promise<number> {
  const handle = await panel
    .waitForFunction((cookie: string) => (window as unknown as { cardSeenAt: Record<string, number> }).cardSeenAt[cookie], { timeout: timeoutMs }, name)
    .catch((error: unknown) => {
      throw new Error(`Chromium e2e: no card for ${name} within ${timeoutMs} ms`, { cause: error });
    });
  return (await handle.jsonValue()) as number;
}

/** The page fires `count` API reads, eight at a time, as a busy single-page app does. */
export async function fireRequests(page: Page, count: number): Promise<void> {
  await page.evaluate(async (total: number) => {
    let next = 0;
    const worker = async () => {
      while (next < total) await (await fetch(`/spa/api/items/${next++}`)).text();
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }, count);
}

/**
 * For each of `probes` new session cookies (`<prefix><n>.sid`, set by the app's probe route): the
 * milliseconds from the end of the response that set it to its card's first graded appearance.
 */
export async function newSessionCookieLatencies(page: Page, panel: Frame, prefix: string, probes = 3): Promise<number[]> {
  const latencies: number[] = [];
  for (let probe = 0; probe < probes; probe++) {
    const name = `${prefix}${probe}`;
    await watchForCard(panel, `${name}.sid`);
    const ended = await page.evaluate(async (cookie: string) => {
      await (await fetch(`/spa/api/probe/${cookie}`)).text();
      const end = Date.now();
      // A second request sends it, as an app's next call would.
      void fetch(`/spa/api/probe/${cookie}/again`);
      return end;
    }, name);
    latencies.push((await cardSeenAt(panel, `${name}.sid`)) - ended);
  }
  return latencies;
}
