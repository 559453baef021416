/**
 * Grades a trace (rubric sections 2-5) from its cookie inventory: one entry per cookie (name,
 * domain, path), graded on its worst issuance, or on the browser's store, or (seen only in
 * requests) on what needs no attribute; plus its latest deletion; and the site grade, the worst
 * letter among the session cookies that belong to the trace's site (third-party ones are listed,
 * never counted).
 */
import { buildCookieInventory, type CookieInventory } from '../inventory/cookie-inventory.js';
import type { Observation } from '../observation/observation.js';
import { IdOccurrences } from '../trace/id-occurrences.js';
import { gradeRecord, RecordGradeMemo, trackPossibleSessionIds } from './grade-record.js';
import { traceGradeOf, type CookieGrade, type InventoryGradeOptions, type TraceGrade, type TraceGradeOptions } from './trace-grade.js';

export { cookieIdentity, defaultCookiePath, identityKey, type CookieIdentity } from '../core/cookie-identity.js';
export {
  SET_OUTSIDE_TRACE,
  siteGrade,
  traceGradeOf,
  type AttributeChange,
  type CookieGrade,
  type InventoryGradeOptions,
  type SiteGrade,
  type TraceGrade,
  type TraceGradeOptions,
} from './trace-grade.js';

export function gradeObservations(observations: readonly Observation[], options: TraceGradeOptions = {}): TraceGrade {
  return gradeInventory(buildCookieInventory(observations, options.readings), options);
}

export function gradeInventory(inventory: CookieInventory, options: InventoryGradeOptions = {}): TraceGrade {
  const site = options.site ?? null;
  const cookies: CookieGrade[] = [];
  const occurrences = new IdOccurrences();
  occurrences.append(inventory.observations);
  trackPossibleSessionIds(occurrences, inventory, inventory.records, options.userMarks);
  for (const record of inventory.records) {
    const graded = gradeRecord(
      inventory,
      record,
      options.userMarks?.get(record.identity.name),
      options.secretMatches,
      new RecordGradeMemo(),
      occurrences,
      site,
      options.serverChecks,
    );
    for (const entry of graded) cookies.push(entry);
  }
  return traceGradeOf(cookies, site, inventory.values);
}
