/**
 * `--flow <file>`: a login and logout walked in CI without a browser (rubric section 5). A flow is
 * a small JSON or YAML file of steps run in order in one browser-like session (one cookie jar,
 * redirects followed), so the whole flow is one trace and every trace rule applies:
 *
 *   baseUrl: http://127.0.0.1:3000
 *   steps:
 *     - get: /login
 *     - post: /login
 *       form: "#login"                      # the page's hidden fields (CSRF tokens) are sent too
 *       data: { username: demo, password: { env: APP_PASSWORD } }
 *       expect: { status: 200, text: Logged in as }
 *
 * Credentials come from environment variables and never reach a report: bodies are not kept,
 * and every value taken from the environment is masked like a cookie value.
 */
import { headerSecrets } from './credentials.js';
import { load } from 'cheerio';
import { parse as parseYaml } from 'yaml';
import type { StoredCookie } from '../browsers/stored-cookie.js';
import type { HttpHeader } from '../observation/observation.js';
import type { HttpSession, RequestBody } from './fetch-trace.js';

/** A value written in the flow, or read from an environment variable. */
export type FlowValue = string | number | boolean | { readonly env: string };

export interface FlowExpect {
  /** The final status (after redirects), or one of several. */
  readonly status?: number | readonly number[];
  /** A text the final page must contain. */
  readonly text?: string;
}

export interface FlowStep {
  readonly name: string;
  readonly method: string;
  /** Null: the form's own action. */
  readonly url: string | null;
  /** A CSS selector of a form on the previous page, whose fields are sent (step data wins). */
  readonly form: string | null;
  readonly data: Readonly<Record<string, FlowValue>> | null;
  readonly json: unknown;
  readonly headers: Readonly<Record<string, FlowValue>>;
  readonly expect: FlowExpect | null;
}

export interface Flow {
  readonly baseUrl: string | null;
  readonly steps: readonly FlowStep[];
}

/** A flow that cannot be read or did not do what it expected: one line, naming the step. */
export class FlowError extends Error {}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ env: NAME }`: a value read from the environment. */
function isEnvReference(value: unknown): value is { readonly env: string } {
  return isRecord(value) && typeof value.env === 'string' && Object.keys(value).length === 1;
}

function isFlowValue(value: unknown): value is FlowValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return true;
  return isEnvReference(value);
}

function valueMap(value: unknown, where: string, field: string): Record<string, FlowValue> | null {
  if (value === undefined) return null;
  if (!isRecord(value) || !Object.values(value).every(isFlowValue)) {
    throw new FlowError(`${where}: "${field}" must map names to strings, numbers or { env: NAME }`);
  }
  return value as Record<string, FlowValue>;
}

function readStep(raw: unknown, index: number): FlowStep {
  const position = `step ${index + 1}`;
  if (!isRecord(raw)) throw new FlowError(`${position}: a step must be an object such as { get: "/" }`);
  const where = typeof raw.name === 'string' ? `${position} "${raw.name}"` : position;
  const known = new Set(['name', 'method', 'url', 'form', 'data', 'json', 'headers', 'expect', ...METHODS]);
  const unknown = Object.keys(raw).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new FlowError(`${where}: unknown field "${unknown[0]}" (fields: ${[...known].join(', ')})`);
  const verbs = METHODS.filter((verb) => raw[verb] !== undefined);
  if (verbs.length > 1) throw new FlowError(`${where}: give one of ${METHODS.join(', ')}, not ${verbs.join(' and ')}`);
  let method: string;
  let url: string | null;
  if (verbs.length === 1) {
    const verb = verbs[0] as (typeof METHODS)[number];
    if (typeof raw[verb] !== 'string') throw new FlowError(`${where}: "${verb}" takes a URL or a path`);
    method = verb.toUpperCase();
    url = raw[verb] as string;
  } else {
    method = typeof raw.method === 'string' ? raw.method.toUpperCase() : raw.form !== undefined ? 'POST' : 'GET';
    url = typeof raw.url === 'string' ? raw.url : null;
    if (url === null && raw.form === undefined) throw new FlowError(`${where}: say where to go: { get: "/path" }, { url, method } or a "form"`);
  }
  if (raw.form !== undefined && typeof raw.form !== 'string') throw new FlowError(`${where}: "form" takes a CSS selector, such as "#login"`);
  if (raw.data !== undefined && raw.json !== undefined) throw new FlowError(`${where}: give "data" (a form) or "json", not both`);
  let expect: FlowExpect | null = null;
  if (raw.expect !== undefined) {
    if (!isRecord(raw.expect)) throw new FlowError(`${where}: "expect" takes { status, text }`);
    const { status, text } = raw.expect;
    const statusOk = status === undefined || Number.isInteger(status) || (Array.isArray(status) && status.every(Number.isInteger));
    if (!statusOk) throw new FlowError(`${where}: "expect.status" takes a status code or a list of them`);
    if (text !== undefined && typeof text !== 'string') throw new FlowError(`${where}: "expect.text" takes a string`);
    expect = { ...(status === undefined ? {} : { status: status as number | number[] }), ...(text === undefined ? {} : { text }) };
  }
  return {
    name: where,
    method,
    url,
    form: (raw.form as string | undefined) ?? null,
    data: valueMap(raw.data, where, 'data'),
    json: raw.json,
    headers: valueMap(raw.headers, where, 'headers') ?? {},
    expect,
  };
}

/** Reads a flow file's text (YAML when the name says so, else JSON; YAML reads JSON too). */
export function parseFlow(text: string, fileName: string): Flow {
  let document: unknown;
  try {
    document = /\.ya?ml$/i.test(fileName) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new FlowError(`${fileName} is not valid ${/\.ya?ml$/i.test(fileName) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isRecord(document) || !Array.isArray(document.steps) || document.steps.length === 0) {
    throw new FlowError(`${fileName}: a flow is an object with a non-empty "steps" list`);
  }
  if (document.baseUrl !== undefined && (typeof document.baseUrl !== 'string' || !/^https?:\/\//i.test(document.baseUrl))) {
    throw new FlowError(`${fileName}: "baseUrl" takes an absolute http(s) URL`);
  }
  return { baseUrl: (document.baseUrl as string | undefined) ?? null, steps: document.steps.map(readStep) };
}

function resolveValue(value: FlowValue, where: string, env: NodeJS.ProcessEnv, secrets: Set<string>): string {
  if (typeof value !== 'object') return String(value);
  const found = env[value.env];
  if (found === undefined) throw new FlowError(`${where}: the environment variable ${value.env} is not set`);
  secrets.add(found);
  return found;
}

/** A `json:` body with every `{ env: NAME }` in it, at any depth, replaced by the variable's value. */
function resolveJson(value: unknown, where: string, env: NodeJS.ProcessEnv, secrets: Set<string>): unknown {
  if (isEnvReference(value)) return resolveValue(value, where, env, secrets);
  if (Array.isArray(value)) return value.map((item) => resolveJson(item, where, env, secrets));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveJson(item, where, env, secrets)]));
  return value;
}

/** The fields a browser would submit from the form (hidden ones included), and where it goes. */
function formFields(page: string | null, pageUrl: string, selector: string, where: string): { action: string; method: string; fields: [string, string][] } {
  if (page === null) throw new FlowError(`${where}: "form" needs a previous page, and there is none`);
  const $ = load(page);
  const form = $(selector).first();
  if (form.length === 0 || !form.is('form')) throw new FlowError(`${where}: the previous page has no form matching "${selector}"`);
  const fields: [string, string][] = [];
  form.find('input[name], textarea[name], select[name]').each((_index, element) => {
    const control = $(element);
    const name = control.attr('name') as string;
    if (control.is('[disabled]')) return;
    if (control.is('textarea')) fields.push([name, control.text()]);
    else if (control.is('select')) fields.push([name, control.find('option[selected]').attr('value') ?? control.find('option').first().attr('value') ?? '']);
    else {
      const type = (control.attr('type') ?? 'text').toLowerCase();
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) return;
      if ((type === 'checkbox' || type === 'radio') && !control.is('[checked]')) return;
      fields.push([name, control.attr('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
    }
  });
  return { action: new URL(form.attr('action') ?? '', pageUrl).href, method: (form.attr('method') ?? 'GET').toUpperCase(), fields };
}

function jsonKeys(value: unknown, prefix = ''): string[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [prefix + key, ...jsonKeys(inner, `${prefix}${key}.`)]);
}

/** The request a step made (before redirects), as `--active` sends it again. */
export interface StepRequest {
  readonly method: string;
  readonly url: string;
  readonly body: RequestBody | null;
  readonly headers: readonly HttpHeader[];
}

/** What one step did: its request, its exchanges in the session, and whether its `expect` held. */
export interface StepRun {
  readonly step: FlowStep;
  readonly request: StepRequest;
  /** The index in the session's observations of the step's request; its redirects follow it, up to `end`. */
  readonly start: number;
  readonly end: number;
  /** What the cookie jar held just before the step. */
  readonly cookiesBefore: readonly StoredCookie[];
  readonly status: number;
  readonly passed: boolean;
}

export interface RunFlowHooks {
  /** Called before each step (a progress line). */
  readonly onStep?: (step: FlowStep) => void;
  /** Called after each step, the failing one included. */
  readonly onStepRun?: (run: StepRun) => void;
}

/** Why a page does not satisfy a step's `expect`, or null when it does. */
export function unmetExpectation(step: FlowStep, status: number, body: string | null): string | null {
  const expected = step.expect;
  if (expected?.status !== undefined) {
    const allowed = Array.isArray(expected.status) ? expected.status : [expected.status];
    if (!allowed.includes(status)) return `${step.name}: expected status ${allowed.join(' or ')}, got ${status} (the flow did not do what it expected)`;
  }
  if (expected?.text !== undefined && !(body ?? '').includes(expected.text))
    return `${step.name}: the page (status ${status}) does not contain "${expected.text}"`;
  return null;
}

/**
 * Runs the steps in order in `session`; throws FlowError naming the step that failed. Every value
 * read from the environment goes into `secrets` as soon as it is read, so that a flow that fails
 * (a failed expect, a redirect loop) still has it masked in what is printed and saved.
 */
export async function runFlow(flow: Flow, session: HttpSession, env: NodeJS.ProcessEnv, secrets: Set<string>, hooks: RunFlowHooks = {}): Promise<StepRun[]> {
  const runs: StepRun[] = [];
  let page: string | null = null;
  let pageUrl = flow.baseUrl ?? '';
  for (const step of flow.steps) {
    hooks.onStep?.(step);
    const where = step.name;
    const headersGiven = Object.entries(step.headers).map(([name, value]) => [name, resolveValue(value, where, env, secrets)] as const);
    // A secret header's parts are secrets too: the token of `Bearer <token>`, a Cookie's values.
    for (const [name, value] of headersGiven) if (typeof step.headers[name] === 'object') for (const part of headerSecrets(name, value)) secrets.add(part);
    const form = step.form === null ? null : formFields(page, pageUrl, step.form, where);
    const method = step.url === null && form ? form.method : step.method;
    let target = step.url ?? form?.action ?? '';
    if (pageUrl === '' && !/^https?:\/\//i.test(target)) throw new FlowError(`${where}: "${target}" is relative, and the flow has no baseUrl`);
    target = new URL(target, pageUrl || undefined).href;
    let body: RequestBody | null = null;
    if (step.json !== undefined) {
      body = { contentType: 'application/json', text: JSON.stringify(resolveJson(step.json, where, env, secrets)), paramNames: jsonKeys(step.json) };
    } else if (form !== null || step.data !== null) {
      const fields = new Map<string, string>(form?.fields ?? []);
      for (const [name, value] of Object.entries(step.data ?? {})) fields.set(name, resolveValue(value, where, env, secrets));
      const encoded = new URLSearchParams([...fields]).toString();
      if (method === 'GET' || method === 'HEAD') target = `${target.split('?')[0]}?${encoded}`;
      else body = { contentType: 'application/x-www-form-urlencoded', text: encoded, paramNames: [...fields.keys()] };
    }
    const request: StepRequest = { method, url: target, body, headers: headersGiven.map(([name, value]) => ({ name, value })) };
    const start = session.observations.length;
    const cookiesBefore = session.cookies();
    const navigation = await session.navigate(method, target, body, { readBody: true, headers: request.headers });
    page = navigation.body;
    pageUrl = navigation.url;
    const unmet = unmetExpectation(step, navigation.status, navigation.body);
    const run: StepRun = { step, request, start, end: session.observations.length, cookiesBefore, status: navigation.status, passed: unmet === null };
    runs.push(run);
    hooks.onStepRun?.(run);
    if (unmet !== null) throw new FlowError(unmet);
  }
  return runs;
}

/** The URL the flow starts from: its baseUrl, else its first step's URL (for the trace's site). */
export function flowStartUrl(flow: Flow): string | null {
  return flow.baseUrl ?? flow.steps.find((step) => step.url !== null)?.url ?? null;
}
