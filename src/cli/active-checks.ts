/**
 * `--active` (rubric section 5, "Verified on the server"): after a flow, two questions only the
 * server can answer, asked with requests of its own.
 *
 * - `session-alive-after-logout`: the session cookies held just before the logout step are sent
 *   again to the flow's authenticated probe; the check fires when the page still meets the
 *   probe's `expect` (status and text), as OWASP WSTG-SESS-06 tests a logout.
 * - `session-id-adopted`: the flow is walked again in a fresh jar holding a made-up value (random,
 *   the shape of the real one) for each session cookie seen before the login; the check fires
 *   when the requests after the login still carry the planted id and the probe passes (WSTG-SESS-03).
 *
 * The *authenticated probe* is the last step before the logout that has `expect.text`; it must
 * come after the login (the login's own page proves nothing: sending the password again logs in
 * again). The extra requests follow the flow's rules: the flow's own URLs, the -H headers only to
 * the origin they were given for, `--timeout`; every value they carry joins the output mask.
 */
import { randomInt } from 'node:crypto';
import { identifierPart } from '../core/estimate-entropy.js';
import { gradeInventory } from '../grade/grade-observations.js';
import { buildCookieInventory } from '../inventory/cookie-inventory.js';
import { headerValues, type Observation } from '../observation/observation.js';
import { parseCookieString } from '../observation/readings.js';
import type { StoredCookie } from '../browsers/stored-cookie.js';
import { isLoginRequest, isLogoutRequest, isSuccessfulLogin } from '../trace/login-logout.js';
import type { ServerCheckResults } from '../trace/server-checks.js';
import { HttpSession, type FetchTraceOptions } from './fetch-trace.js';
import { FlowError, runFlow, unmetExpectation, type Flow, type StepRun } from './flow.js';

export type ActiveCheckId = 'session-alive-after-logout' | 'session-id-adopted';

/** An exchange `--active` made, and the check it made it for (a saved HAR marks it so). */
export interface ActiveExchange {
  readonly observation: Observation;
  readonly check: ActiveCheckId;
}

/** The steps of a walked flow that the checks need, or null where the flow has none. */
export interface FlowRoles {
  /** The first successful login request. */
  readonly login: StepRun | null;
  /** The first logout request after the login (or anywhere, without a login). */
  readonly logout: StepRun | null;
  /** The last step with `expect.text` after the login and before the logout, itself neither. */
  readonly probe: StepRun | null;
}

export function flowRoles(runs: readonly StepRun[], observations: readonly Observation[]): FlowRoles {
  const requestOf = (run: StepRun) => observations[run.start] as Observation;
  const loginAt = runs.findIndex((run) => isSuccessfulLogin(observations, run.start));
  const logoutAt = runs.findIndex((run, at) => at > loginAt && isLogoutRequest(requestOf(run)));
  let probe: StepRun | null = null;
  for (let at = (logoutAt < 0 ? runs.length : logoutAt) - 1; at > loginAt && probe === null; at--) {
    const run = runs[at] as StepRun;
    if (run.step.expect?.text !== undefined && !isLoginRequest(requestOf(run)) && !isLogoutRequest(requestOf(run))) probe = run;
  }
  return { login: runs[loginAt] ?? null, logout: runs[logoutAt] ?? null, probe };
}

/** The smallest of the rubric's alphabets (section 4, entropy) that holds every character of `run`. */
function alphabetOf(run: string): string {
  const digits = '0123456789';
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const upper = lower.toUpperCase();
  if (/^[0-9]+$/.test(run)) return digits;
  if (/^[0-9a-f]+$/.test(run)) return `${digits}abcdef`;
  if (/^[0-9A-F]+$/.test(run)) return `${digits}ABCDEF`;
  if (/^[0-9a-z]+$/.test(run)) return digits + lower;
  if (/^[0-9A-Z]+$/.test(run)) return digits + upper;
  return digits + lower + upper;
}

/**
 * A made-up value of the real one's shape: each run of letters and digits replaced by random
 * characters of its own alphabet and length; separators, percent escapes and express-session's
 * `s:` (`s%3A`) prefix kept, so `s:<id>.<sig>` stays `s:<id>.<sig>` and a PHP id stays 26
 * characters of `[0-9a-v]`-like letters. Never the real value.
 */
export function plantedValue(real: string, random: (below: number) => number = randomInt): string {
  const prefix = /^s(?::|%3A)/i.exec(real)?.[0] ?? '';
  for (;;) {
    const made =
      prefix +
      real.slice(prefix.length).replace(/%[0-9A-Fa-f]{2}|[A-Za-z0-9]+/g, (run) => {
        if (run.startsWith('%')) return run;
        const alphabet = alphabetOf(run);
        return Array.from(run, () => alphabet[random(alphabet.length)]).join('');
      });
    if (made !== real || !/[A-Za-z0-9]/.test(real)) return made;
  }
}

/** The value of cookie `name` a request carried, or undefined. */
function carriedValue(observation: Observation, name: string): string | undefined {
  for (const header of headerValues(observation.requestHeaders, 'cookie')) {
    const pair = parseCookieString(header).find((candidate) => candidate.name === name);
    if (pair !== undefined) return pair.value;
  }
  return undefined;
}

/** The names of the trace's own session cookies (and their `.sig` companions): what the checks send again or plant. */
export function sessionCookieNames(observations: readonly Observation[], site: string | null): Set<string> {
  const names = new Set<string>();
  for (const cookie of gradeInventory(buildCookieInventory(observations), { site }).cookies) {
    if (!cookie.session.isSession || cookie.thirdParty) continue;
    names.add(cookie.identity.name);
    for (const companion of cookie.companions) names.add(companion);
  }
  return names;
}

export interface ActiveCheckInput {
  readonly flow: Flow;
  /** The flow's walk: its steps and its exchanges. */
  readonly runs: readonly StepRun[];
  readonly observations: readonly Observation[];
  /** The site the flow is graded for: its session cookies are the ones checked. */
  readonly site: string | null;
  readonly options: FetchTraceOptions;
  /** The origin the flow's -H headers went to: the checks' requests take them there, and nowhere else. */
  readonly headersOrigin: string | null;
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: Set<string>;
  /** Told every made-up value before it is sent, so that the output mask knows it first. */
  readonly onPlanted: (values: readonly string[]) => void;
  /** Told each exchange as it is made, so that a check that fails half-way still leaves its requests in a saved HAR. */
  readonly onExchange: (exchange: ActiveExchange) => void;
  readonly random?: (below: number) => number;
}

export interface ActiveCheckOutcome {
  readonly results: ServerCheckResults;
}

const PROBE_MISSING =
  'the flow has no authenticated probe (give a step after the login and before the logout an `expect.text` that only a logged-in page shows)';

/**
 * Runs both checks after the flow's walk. A network failure (FetchTraceError) is thrown, as in
 * the flow itself; a check that cannot run says why in `skipped`.
 */
export async function runActiveChecks(input: ActiveCheckInput): Promise<ActiveCheckOutcome> {
  const roles = flowRoles(input.runs, input.observations);
  const names = sessionCookieNames(input.observations, input.site);
  const skipped: string[] = [];
  const aliveAfterLogout = await aliveAfterLogoutCheck(input, roles, names, skipped);
  const idAdopted = await idAdoptedCheck(input, roles, names, skipped);
  return { results: { aliveAfterLogout, idAdopted, skipped } };
}

async function aliveAfterLogoutCheck(input: ActiveCheckInput, { logout, probe }: FlowRoles, names: ReadonlySet<string>, skipped: string[]): Promise<string[]> {
  const skip = (missing: string): string[] => {
    skipped.push(`session-alive-after-logout not checked: ${missing}`);
    return [];
  };
  if (logout === null) return skip('the flow has no logout step (a request to a path such as /logout)');
  if (probe === null) return skip(PROBE_MISSING);
  const held = logout.cookiesBefore.filter((cookie) => names.has(cookie.name));
  if (held.length === 0) return skip('no session cookie was held before the logout step');
  const session = new HttpSession(input.options, { headersOrigin: input.headersOrigin, cookies: held });
  const { method, url, body, headers } = probe.request;
  try {
    const page = await session.navigate(method, url, body, { readBody: true, headers });
    return unmetExpectation(probe.step, page.status, page.body) === null ? [...new Set(held.map((cookie) => cookie.name))] : [];
  } finally {
    for (const observation of session.observations) input.onExchange({ observation, check: 'session-alive-after-logout' });
  }
}

async function idAdoptedCheck(input: ActiveCheckInput, { login, probe }: FlowRoles, names: ReadonlySet<string>, skipped: string[]): Promise<string[]> {
  const skip = (missing: string): string[] => {
    skipped.push(`session-id-adopted not checked: ${missing}`);
    return [];
  };
  if (login === null) return skip('the flow has no successful login step (a POST with a password field, or to a path such as /login)');
  if (probe === null) return skip(PROBE_MISSING);
  // The names seen before the login; where the server sets none before it (express-session with
  // saveUninitialized: false, Django), an attacker can still plant the one the login sets.
  const afterLogin = input.runs[input.runs.indexOf(login) + 1]?.cookiesBefore ?? [];
  const before = login.cookiesBefore.filter((cookie) => names.has(cookie.name));
  const templates = before.length > 0 ? before : afterLogin.filter((cookie) => names.has(cookie.name));
  if (templates.length === 0) return skip('no session cookie to plant was seen before or at the login');
  const planted: StoredCookie[] = templates.map((cookie) => ({ ...cookie, value: plantedValue(cookie.value, input.random) }));
  input.onPlanted(planted.map((cookie) => cookie.value));
  const session = new HttpSession(input.options, { headersOrigin: input.headersOrigin, cookies: planted });
  const runs: StepRun[] = [];
  try {
    await runFlow(input.flow, session, input.env, input.secrets, { onStepRun: (run) => runs.push(run) });
  } catch (error) {
    // A step whose expect fails stops the walk: the probe did not pass, which is an answer.
    if (!(error instanceof FlowError)) throw error;
  } finally {
    for (const observation of session.observations) input.onExchange({ observation, check: 'session-id-adopted' });
  }
  const loginRun = runs[input.runs.indexOf(login)];
  const probeRun = runs[input.runs.indexOf(probe)];
  if (loginRun === undefined || probeRun === undefined || !probeRun.passed) return [];
  // From the first request after the login's redirects to the probe, every request that carries
  // the cookie carries the planted id, and the probe's does.
  const after = session.observations.slice(loginRun.end, probeRun.start + 1);
  const probeRequest = session.observations[probeRun.start] as Observation;
  return planted
    .filter((cookie) => {
      const id = identifierPart(cookie.value);
      return carriedId(probeRequest, cookie.name) === id && after.every((observation) => [undefined, id].includes(carriedId(observation, cookie.name)));
    })
    .map((cookie) => cookie.name);
}

/** The identifier a request carried for cookie `name` (express-session's id without its signature), or undefined. */
function carriedId(observation: Observation, name: string): string | undefined {
  const value = carriedValue(observation, name);
  return value === undefined ? undefined : identifierPart(value);
}
