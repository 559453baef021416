/**
 * What the panel remembers between batches so as not to do the same work again, in one object
 * that its composition root (`mountPanel`) makes and owns, and hands to the store and the view.
 * Every entry is keyed by a value that never changes once made (grades and the set of a trace's
 * values are values: the grader makes a new one when anything changes), so nothing here can go
 * stale; dropping the object drops every cache.
 */
import type { Finding } from '../../core/finding.js';
import type { ValueIndex } from '../../core/value-index.js';
import type { CookieGrade } from '../../grade/grade-observations.js';
import type { CookieCardView } from './card-view.js';
import type { HeaderPool } from './slim-observation.js';

/** A card and what else it was built with besides its grade. */
export interface CachedCard {
  readonly index: ValueIndex;
  readonly builtWith: string;
  readonly card: CookieCardView;
}

/** The value index of one set of values (or of none, values revealed) and the texts it masked. */
export interface CachedMasking {
  readonly values: ReadonlySet<string>;
  readonly revealValues: boolean;
  readonly index: ValueIndex;
  readonly maskedTexts: Map<string, string>;
}

export interface PanelCaches {
  /** Card views by the grade they show: a cookie no batch touched keeps its card object. */
  readonly cards: WeakMap<CookieGrade, CachedCard>;
  /** The latest trace values' index: after every batch the view masks mostly the texts it masked before. */
  masking: CachedMasking | null;
  /** A small number per distinct fix advice (see fixNumber). */
  readonly fixNumbers: Map<string, number>;
  /** The headers the store kept lately, one object per value (see slim-observation). */
  readonly headers: HeaderPool;
}

export function createPanelCaches(): PanelCaches {
  return { cards: new WeakMap(), masking: null, fixNumbers: new Map(), headers: new Map() };
}

/**
 * A small number per distinct fix advice, so the panel compares fixes without writing them out:
 * after every batch it asks which fixes a card repeats and whether a card's findings and fixes
 * changed. Equal advice (the same text per framework) gets the same number, whatever the object.
 */
export function fixNumber(caches: PanelCaches, fix: Finding['fix']): number {
  let text = '';
  for (const framework of Object.keys(fix).sort()) text += `${framework}\u0000${fix[framework]}\u0000`;
  let number = caches.fixNumbers.get(text);
  if (number === undefined) caches.fixNumbers.set(text, (number = caches.fixNumbers.size));
  return number;
}
