/**
 * A HAR document graded as the CLI and the panel grade it: read (rubric section 1), then graded
 * for the site of its first top-level document, or the site given.
 */
import { siteOfHost, siteOfUrl } from '../core/site.js';
import { readHar, type HarFacts } from '../observation/read-har.js';
import { gradeObservations, type TraceGrade, type TraceGradeOptions } from './grade-observations.js';

export interface HarGradeOptions extends Omit<TraceGradeOptions, 'site'> {
  /** The site to grade for (a domain; its registrable domain is taken); default: the HAR's first page's. */
  readonly site?: string;
}

export type HarGrade = { readonly ok: true; readonly trace: TraceGrade; readonly har: HarFacts } | { readonly ok: false; readonly error: string };

export function gradeHar(input: string | unknown, options: HarGradeOptions = {}): HarGrade {
  const har = readHar(input);
  if (!har.ok) return har;
  const site = options.site !== undefined ? siteOfHost(options.site) : har.har.pageUrl === null ? null : siteOfUrl(har.har.pageUrl);
  return { ok: true, trace: gradeObservations(har.observations, { ...options, site }), har: har.har };
}
