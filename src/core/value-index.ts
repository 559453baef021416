/**
 * One multi-pattern matcher over every cookie value a trace saw, in every form it can take in
 * other text (rubric section 7: as sent, percent-encoded in either hex case, every byte
 * percent-encoded, form-encoded with `+` for a space, percent-decoded).
 * Built once per report (Aho-Corasick automaton), it answers in one pass over a text, in time
 * linear in the text's length whatever the number of values. Texts and forms are read through one
 * canonical view (`readingView`), so the hex case and escapes of characters that need none (every
 * byte percent-encoded) cost no extra pattern: "where do values sit in this text?"
 * (`id-in-url`) and "mask every value in this text" (every report, export, log line and message).
 */
import { hexValue, percentDecode, percentEncode } from './percent-decode.js';

/**
 * Forms at least this long are searched for anywhere in a text; shorter ones would match inside
 * other words by chance, and are masked only as whole fields (rubric section 7).
 */
export const MIN_SEARCHED_VALUE_LENGTH = 8;

/**
 * The shortest cookie value masked as a whole field. Shorter cookie values (`1`, `en`, `yes`) are
 * flags, not secrets, and would hide `?page=1`; secrets a user hands us are masked at any length.
 */
export const MIN_WHOLE_FIELD_VALUE_LENGTH = 4;

/** Cookie values that carry one bit, masked nowhere (they would hide `?debug=true`). */
const FLAG_WORDS = new Set(['true', 'false', 'null', 'none', 'undefined', 'yes', 'no', 'on', 'off']);

/** What masked text shows in place of a value. */
export const MASK = '[value hidden]';

/**
 * application/x-www-form-urlencoded, as URLSearchParams and HTML forms write it (WHATWG URL,
 * section 5.2), as the canonical view reads it: encodeURIComponent's output with `+` for a space
 * (the escapes of `!'()~` it adds read back as those characters).
 */
function formEncoded(text: string): string {
  return percentEncode(text).replace(/%20/g, '+');
}

/** Characters encodeURIComponent leaves as they are: RFC 3986 unreserved, and `!*'()`. */
function isLeftAsIs(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e ||
    code === 0x21 ||
    code === 0x2a ||
    code === 0x27 ||
    code === 0x28 ||
    code === 0x29
  );
}

/** A text as the index reads it, and for each of its characters where it starts and ends in the original text (null: the same). */
interface ReadingView {
  readonly text: string;
  readonly starts: Int32Array | null;
  readonly ends: Int32Array | null;
}

/**
 * The canonical view of a text: an escape of a character encodeURIComponent leaves as it is (as
 * every-byte encoding writes them) is read as that character, any other escape in upper-case hex.
 * `%61%62%28`, `ab%28` and `ab(` read alike, as do `%3a` and `%3A`.
 */
function readingView(text: string): ReadingView {
  const first = firstChangedEscape(text, text.indexOf('%'));
  if (first < 0) return { text, starts: null, ends: null };
  let read = text.slice(0, first);
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let k = 0; k < first; k++) {
    starts[k] = k;
    ends[k] = k + 1;
  }
  for (let i = first; i < text.length; i++) {
    const high = text.charCodeAt(i) === 0x25 ? hexValue(text.charCodeAt(i + 1)) : -1;
    const low = high < 0 ? -1 : hexValue(text.charCodeAt(i + 2));
    const at = read.length;
    if (low < 0) {
      read += text[i] as string;
      starts[at] = i;
      ends[at] = i + 1;
      continue;
    }
    const code = high * 16 + low;
    const escape = isLeftAsIs(code) ? String.fromCharCode(code) : '%' + text.slice(i + 1, i + 3).toUpperCase();
    read += escape;
    for (let k = at; k < read.length; k++) {
      starts[k] = i;
      ends[k] = i + 3;
    }
    i += 2;
  }
  return { text: read, starts, ends };
}

/** Where the first escape the view would change is (lower-case hex, or a character that needs no escape), or -1. */
function firstChangedEscape(text: string, from: number): number {
  for (let i = from; i >= 0; i = text.indexOf('%', i + 1)) {
    const high = hexValue(text.charCodeAt(i + 1));
    const low = high < 0 ? -1 : hexValue(text.charCodeAt(i + 2));
    if (low < 0) continue;
    const lowerHex = text.charCodeAt(i + 1) >= 0x61 || text.charCodeAt(i + 2) >= 0x61;
    if (lowerHex || isLeftAsIs(high * 16 + low)) return i;
  }
  return -1;
}

/** A span of a view as a span of the original text. */
function originalSpan(view: ReadingView, span: ValueSpan): ValueSpan {
  if (view.starts === null || view.ends === null) return span;
  return { start: view.starts[span.start] as number, end: view.ends[span.end - 1] as number };
}

/**
 * Every form `value` can take in other text (rubric section 7), long or short, as the canonical
 * view reads it: as sent, percent-decoded, percent-encoded, form-encoded. Either hex case and every
 * byte percent-encoded need no form of their own: the view reads them as percent-encoded.
 */
function canonicalForms(value: string): string[] {
  const decoded = percentDecode(value);
  const forms = [value, decoded, percentEncode(decoded), percentEncode(value), formEncoded(decoded)];
  return [...new Set(forms.map((form) => readingView(form).text))];
}

/** Every form of `value` that is long enough to search for anywhere, as the index reads it. */
export function valueForms(value: string): string[] {
  return canonicalForms(value).filter((form) => form.length >= MIN_SEARCHED_VALUE_LENGTH);
}

/** Where a value's form sits in a text: [start, end). */
export interface ValueSpan {
  readonly start: number;
  readonly end: number;
}

export interface ValueIndex {
  /** How many distinct values (not forms) it holds. */
  readonly size: number;
  /** True when some form of some value occurs in `text`. */
  occursIn(text: string): boolean;
  /** The spans covered by values in `text`, merged where they overlap, in order. */
  spansIn(text: string): ValueSpan[];
  /**
   * The distinct long forms (see `valueForms`) that occur in `text`, nested and overlapping ones
   * included: short forms never count as a value found (a flag is not an id).
   */
  formsIn(text: string): string[];
  /** `text` with every occurrence of every value replaced by MASK. */
  mask(text: string): string;
  /** `text` with every occurrence of a value replaced by what `replacer` gives for the text it covers. */
  replaceEach(text: string, replacer: (covered: string) => string): string;
}

/**
 * A trie node. Most nodes of long ids have one child: it is kept inline, and a map is made only
 * for a second child (building the index for thousands of ids allocates a map per branch, not per
 * character).
 */
interface Node {
  /** The character code of the inline child, or -1. */
  code: number;
  child: number;
  more: Map<number, number> | null;
  fail: number;
  /** Length of the longest pattern that ends at this node (through fail links too), or 0. */
  longest: number;
  /** The pattern that ends exactly at this node, or null. */
  pattern: string | null;
  /** The nearest node down the fail links whose own pattern ends there, or 0 for none. */
  output: number;
}

export interface ValueIndexOptions {
  /**
   * What the values are: cookie values (the default), masked as whole fields from
   * MIN_WHOLE_FIELD_VALUE_LENGTH characters on and never when a flag word; or secrets a user
   * handed us (flow secrets, credentials), every one masked as a whole field whatever its length.
   */
  readonly of?: 'cookie values' | 'secrets';
}

/**
 * Builds the index of `values` (any iterable; duplicates are fine). Forms of MIN_SEARCHED_VALUE_LENGTH
 * characters or more are found anywhere; shorter ones only as a whole field (see `wholeFieldSpans`).
 */
export function buildValueIndex(values: Iterable<string>, options: ValueIndexOptions = {}): ValueIndex {
  const secrets = options.of === 'secrets';
  const wholeFieldFrom = secrets ? 1 : MIN_WHOLE_FIELD_VALUE_LENGTH;
  const nodes: Node[] = [newNode()];
  const shortForms = new ShortForms();
  const distinct = new Set<string>();
  for (const value of values) {
    if (distinct.has(value)) continue;
    distinct.add(value);
    if (!secrets && FLAG_WORDS.has(value.toLowerCase())) continue;
    for (const form of canonicalForms(value)) {
      if (form.length >= MIN_SEARCHED_VALUE_LENGTH) insert(nodes, form);
      else if (form.length >= wholeFieldFrom) shortForms.add(form);
    }
  }
  link(nodes);

  const longSpansIn = (text: string): ValueSpan[] => {
    const spans: ValueSpan[] = [];
    if (nodes.length === 1) return spans;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = step(nodes, state, text.charCodeAt(i));
      const length = (nodes[state] as Node).longest;
      if (length === 0) continue;
      // A match ends at or after every span found so far; it swallows those it overlaps.
      let start = i + 1 - length;
      while (spans.length > 0 && start <= (spans[spans.length - 1] as ValueSpan).end) {
        start = Math.min(start, (spans.pop() as ValueSpan).start);
      }
      spans.push({ start, end: i + 1 });
    }
    return spans;
  };
  const spansOfText = (text: string): ValueSpan[] => {
    const long = longSpansIn(text);
    return shortForms.isEmpty() ? long : mergeSpans(long, shortForms.wholeFieldSpans(text));
  };
  // The text as it is, and its canonical view when that differs: a value right after a stray "%"
  // reads as part of an escape in the view, and must still be found as written.
  const spansIn = (text: string): ValueSpan[] => {
    const view = readingView(text);
    if (view.starts === null) return spansOfText(text);
    return mergeSpans(
      spansOfText(text),
      spansOfText(view.text).map((span) => originalSpan(view, span)),
    );
  };

  return {
    size: distinct.size,
    occursIn: (text) => spansIn(text).length > 0,
    spansIn,
    formsIn: (original) => {
      if (nodes.length === 1) return [];
      const forms = new Set<string>();
      const view = readingView(original);
      for (const text of view.starts === null ? [original] : [original, view.text]) {
        let state = 0;
        for (let i = 0; i < text.length; i++) {
          state = step(nodes, state, text.charCodeAt(i));
          if ((nodes[state] as Node).longest === 0) continue;
          // Every pattern ending here: this node's own, then those down its output links.
          for (let at = (nodes[state] as Node).pattern === null ? (nodes[state] as Node).output : state; at !== 0; at = (nodes[at] as Node).output) {
            forms.add((nodes[at] as Node).pattern as string);
          }
        }
      }
      return [...forms];
    },
    mask: (text) => replaceSpans(text, spansIn(text), () => MASK),
    replaceEach: (text, replacer) => replaceSpans(text, spansIn(text), replacer),
  };
}

/** Two ordered lists of spans as one, overlapping and touching spans merged. */
function mergeSpans(first: readonly ValueSpan[], second: readonly ValueSpan[]): ValueSpan[] {
  if (second.length === 0) return [...first];
  const all = [...first, ...second].sort((a, b) => a.start - b.start);
  const merged: ValueSpan[] = [];
  for (const span of all) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

/** Characters after which a field's value starts: `name=`, `"`, `'`, `Header:` and a line's start. */
const FIELD_OPENERS = new Set(['=', '"', "'", ':', '\n', '\t']);
/** Characters before which a field's value ends. */
const FIELD_CLOSERS = new Set(['&', ';', '#', '"', "'", ',', '@', ' ', '\t', '\r', '\n']);

/**
 * Forms too short to search for anywhere, masked where they are a whole field (rubric section 7):
 * the value of a cookie, a header, a form field or a URL parameter, a quoted string, a line, the
 * whole text. A password `demo` is hidden in `password=demo` and `"demo"`, never in
 * `demo-login.flow.yaml`. One look-up per length at each field start: linear in the text.
 */
class ShortForms {
  readonly #byLength = new Map<number, Set<string>>();

  add(form: string): void {
    let forms = this.#byLength.get(form.length);
    if (forms === undefined) this.#byLength.set(form.length, (forms = new Set()));
    forms.add(form);
  }

  isEmpty(): boolean {
    return this.#byLength.size === 0;
  }

  wholeFieldSpans(text: string): ValueSpan[] {
    const spans: ValueSpan[] = [];
    for (let start = 0; start < text.length; start++) {
      if (!startsField(text, start)) continue;
      let longest = 0;
      for (const [length, forms] of this.#byLength) {
        const end = start + length;
        if (length > longest && end <= text.length && endsField(text, end) && forms.has(text.slice(start, end))) longest = length;
      }
      if (longest > 0) spans.push({ start, end: start + longest });
    }
    return spans;
  }
}

function startsField(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1] as string;
  // `Header: value`: one space after the colon.
  return FIELD_OPENERS.has(before) || (before === ' ' && text[at - 2] === ':');
}

function endsField(text: string, at: number): boolean {
  return at === text.length || FIELD_CLOSERS.has(text[at] as string);
}

function replaceSpans(text: string, spans: readonly ValueSpan[], replacer: (covered: string) => string): string {
  if (spans.length === 0) return text;
  let replaced = '';
  let copied = 0;
  for (const span of spans) {
    replaced += text.slice(copied, span.start) + replacer(text.slice(span.start, span.end));
    copied = span.end;
  }
  return replaced + text.slice(copied);
}

/** An index of nothing: masks nothing (for revealed values). */
export const EMPTY_VALUE_INDEX: ValueIndex = buildValueIndex([]);

function newNode(): Node {
  return { code: -1, child: 0, more: null, fail: 0, longest: 0, pattern: null, output: 0 };
}

function childOf(node: Node, code: number): number | undefined {
  return node.code === code ? node.child : node.more?.get(code);
}

function addChild(node: Node, code: number, child: number): void {
  if (node.code === -1) {
    node.code = code;
    node.child = child;
  } else {
    (node.more ??= new Map()).set(code, child);
  }
}

function* childrenOf(node: Node): Iterable<readonly [number, number]> {
  if (node.code !== -1) yield [node.code, node.child];
  if (node.more !== null) yield* node.more;
}

function insert(nodes: Node[], pattern: string): void {
  let state = 0;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    const node = nodes[state] as Node;
    let next = childOf(node, code);
    if (next === undefined) {
      next = nodes.length;
      nodes.push(newNode());
      addChild(node, code, next);
    }
    state = next;
  }
  const end = nodes[state] as Node;
  end.longest = Math.max(end.longest, pattern.length);
  end.pattern = pattern;
}

/** Breadth-first fail links; each node's `longest` also covers patterns that end in its suffixes. */
function link(nodes: Node[]): void {
  const queue: number[] = [];
  for (const [, child] of childrenOf(nodes[0] as Node)) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const node = nodes[state] as Node;
    for (const [code, child] of childrenOf(node)) {
      const childNode = nodes[child] as Node;
      childNode.fail = state === 0 ? 0 : step(nodes, node.fail, code);
      if (childNode.fail === child) childNode.fail = 0;
      const failNode = nodes[childNode.fail] as Node;
      childNode.longest = Math.max(childNode.longest, failNode.longest);
      childNode.output = failNode.pattern !== null ? childNode.fail : failNode.output;
      queue.push(child);
    }
  }
}

function step(nodes: readonly Node[], from: number, code: number): number {
  let state = from;
  for (;;) {
    const next = childOf(nodes[state] as Node, code);
    if (next !== undefined) return next;
    if (state === 0) return 0;
    state = (nodes[state] as Node).fail;
  }
}
