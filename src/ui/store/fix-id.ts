/**
 * A small number per distinct fix advice, so the panel compares fixes without writing them out:
 * after every batch it asks which fixes a card repeats and whether a card's findings and fixes changed. The
 * rules' fixes are constants, so each is written out once.
 */
import type { Finding } from '../../core/finding.js';

const idsByObject = new WeakMap<Finding['fix'], number>();
const idsByText = new Map<string, number>();

export function fixId(fix: Finding['fix']): number {
  let id = idsByObject.get(fix);
  if (id === undefined) {
    const text = JSON.stringify(fix);
    id = idsByText.get(text);
    if (id === undefined) idsByText.set(text, (id = idsByText.size));
    idsByObject.set(fix, id);
  }
  return id;
}
