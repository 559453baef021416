/**
 * Domain checks of RFC 6265bis 5.1.3 ("Domain Matching") and 5.7 steps 9-10 (public suffixes).
 * The public suffix list comes from `tldts`, with the private section included as browsers do
 * (github.io, herokuapp.com, ...).
 */
import { getPublicSuffix } from 'tldts';

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** True when `host` domain-matches `domain`: equal, or a subdomain of it (never for IPs). */
export function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return !isIpAddress(host) && host.endsWith(`.${domain}`);
}

/** Answers for the domains asked lately: a trace sets the same few Domain attributes again and again. */
const publicSuffixAnswers = new Map<string, boolean>();
const ANSWERS_KEPT = 1024;

/** True when `domain` is itself a public suffix (`com`, `co.uk`, `github.io`). */
export function isPublicSuffix(domain: string): boolean {
  if (domain.length === 0 || isIpAddress(domain)) return false;
  let answer = publicSuffixAnswers.get(domain);
  if (answer === undefined) {
    if (publicSuffixAnswers.size >= ANSWERS_KEPT) publicSuffixAnswers.clear();
    answer = getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
    publicSuffixAnswers.set(domain, answer);
  }
  return answer;
}
