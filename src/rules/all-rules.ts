/** Every rule of rubric section 4, in the table's order. */
import { attributeOversize } from './attribute-oversize.js';
import { cacheControlMissing } from './cache-control-missing.js';
import type { CookieRule } from './cookie-rule.js';
import { domainHost } from './domain-host.js';
import { domainParent } from './domain-parent.js';
import { entropyLow, entropyMedium } from './entropy-rules.js';
import { hstsMissing } from './hsts-missing.js';
import { httpOnlyMissing } from './httponly-missing.js';
import { lifetimeDay, lifetimeHour, lifetimeOverCap, lifetimeWeek } from './lifetime-rules.js';
import { nameDefault } from './name-default.js';
import { pathMissing } from './path-missing.js';
import { prefixNone } from './prefix-none.js';
import { prefixSecureOnly } from './prefix-secure-only.js';
import { rejectedByBrowser } from './rejected-by-browser.js';
import { rejectedDomain } from './rejected-domain.js';
import { rejectedOversize } from './rejected-oversize.js';
import { rejectedPartitionedInsecure } from './rejected-partitioned-insecure.js';
import { rejectedPrefix } from './rejected-prefix.js';
import { rejectedSameSiteNoneInsecure } from './rejected-samesite-none-insecure.js';
import { rejectedSecureFromInsecure } from './rejected-secure-from-insecure.js';
import { sameSiteInvalid } from './samesite-invalid.js';
import { sameSiteMissing } from './samesite-missing.js';
import { sameSiteNone } from './samesite-none.js';
import { secretKnown } from './secret-known.js';
import { secureMissing } from './secure-missing.js';
import { valueCarriesData } from './value-carries-data.js';

/** The rules that say the browser's store drops the cookie (RFC 6265bis 5.7), in the table's order. */
export const REJECTION_RULES: readonly CookieRule[] = [
  rejectedSameSiteNoneInsecure,
  rejectedSecureFromInsecure,
  rejectedPrefix,
  rejectedPartitionedInsecure,
  rejectedOversize,
  rejectedDomain,
];

export const COOKIE_RULES: readonly CookieRule[] = [
  ...REJECTION_RULES,
  rejectedByBrowser,
  secretKnown,
  secureMissing,
  httpOnlyMissing,
  sameSiteMissing,
  sameSiteInvalid,
  sameSiteNone,
  lifetimeHour,
  lifetimeDay,
  lifetimeWeek,
  lifetimeOverCap,
  domainHost,
  domainParent,
  pathMissing,
  prefixNone,
  prefixSecureOnly,
  nameDefault,
  entropyLow,
  entropyMedium,
  valueCarriesData,
  attributeOversize,
  cacheControlMissing,
  hstsMissing,
];
