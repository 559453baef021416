import { defineCookieRule } from './cookie-rule.js';
import { ENTROPY_ADVICE } from './fix-advice.js';

/**
 * `entropy-low`: under 64 bits, the id can be guessed. Sources: OWASP Session Management
 * (at least 64 bits of entropy), ASVS 4 3.2.2.
 */
export const entropyLow = defineCookieRule({
  id: 'entropy-low',
  deduction: 40,
  cap: 'D',
  onlyForSessionIds: true,
  explain: ({ entropyBits }) =>
    entropyBits < 64
      ? `The id carries at most ${Math.floor(entropyBits)} bits of entropy (64 is the minimum): it can be guessed.`
      : null,
  fix: ENTROPY_ADVICE,
});

/** `entropy-medium`: at least 64 but under 128 bits. Source: ASVS 5 7.2.3 (128 bits). */
export const entropyMedium = defineCookieRule({
  id: 'entropy-medium',
  deduction: 10,
  cap: null,
  onlyForSessionIds: true,
  explain: ({ entropyBits }) =>
    entropyBits >= 64 && entropyBits < 128
      ? `The id carries at most ${Math.floor(entropyBits)} bits of entropy; ASVS 5 asks for 128.`
      : null,
  fix: ENTROPY_ADVICE,
});
