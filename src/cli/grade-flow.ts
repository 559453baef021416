/**
 * The library's flow API, `session-cookie-inspector/flow` (Node only): a flow file walked and
 * graded exactly as `session-cookie-inspector --flow <file> --json` does, in process, with
 * `active` for the server checks of rubric section 5 ("Verified on the server"). The report is
 * the CLI's JSON report, masked the same way; what the CLI would print on standard error (notes,
 * why a flow failed) comes back as `messages`, masked too. Credentials come from the environment,
 * as the flow's `{ env: NAME }` values say.
 */
import type { JsonReport } from '../report/json-report.js';
import { runCli } from './run-cli.js';

export interface GradeFlowOptions {
  /** After the flow, replay the logged-out session and plant a made-up id (sends requests of its own: your own app only). */
  readonly active?: boolean;
  /** The site whose cookies count (a registrable domain); by default the flow's first URL's. */
  readonly site?: string;
  /** Per-request timeout in seconds (default 10). */
  readonly timeoutSeconds?: number;
  /** Extra request headers, "Name: value", sent to the flow's own origin only. */
  readonly headers?: readonly string[];
  /** Accept a self-signed certificate. */
  readonly insecure?: boolean;
  /** Also save the flow's exchanges (and the active checks', marked) as a HAR file here, values replaced. */
  readonly saveHar?: string;
}

export interface FlowGrade {
  /** The CLI's exit status: 0 graded, 1 below a threshold, 2 the flow failed (see `messages`). */
  readonly exitCode: number;
  /** The JSON report of the flow's trace; null when the flow failed before anything was graded. */
  readonly report: JsonReport | null;
  /** What the CLI would print on standard error, one line each, values masked. */
  readonly messages: readonly string[];
}

export async function gradeFlow(file: string, options: GradeFlowOptions = {}): Promise<FlowGrade> {
  const args = ['--flow', file, '--json'];
  if (options.active === true) args.push('--active');
  if (options.site !== undefined) args.push('--site', options.site);
  if (options.timeoutSeconds !== undefined) args.push('--timeout', String(options.timeoutSeconds));
  for (const header of options.headers ?? []) args.push('--header', header);
  if (options.insecure === true) args.push('--insecure');
  if (options.saveHar !== undefined) args.push('--save-har', options.saveHar);
  const output: string[] = [];
  const messages: string[] = [];
  const exitCode = await runCli(args, { stdout: (text) => output.push(text), stderr: (text) => messages.push(text), color: false });
  const text = output.join('\n').trim();
  return { exitCode, report: text === '' ? null : (JSON.parse(text) as JsonReport), messages };
}
