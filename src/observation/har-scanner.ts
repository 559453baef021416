/**
 * Finds the parts of a HAR document that grading reads by scanning its bytes once, chunk by chunk,
 * without building tokens: each entry of `log.entries` is handed over as its own JSON text (to be
 * `JSON.parse`d alone), with the values no grading reads (response bodies, `cookies` copies,
 * timings, Chrome's `_initiator`) cut out by byte range and replaced by `null`, so a body of any
 * size is skipped at `indexOf` speed and never held. `log.version`, `log.creator`, `log.browser`
 * and `log.pages` are handed over the same way.
 *
 * The scanner checks the document's structure as it goes (brackets, commas, colons, strings and
 * their escapes), so a truncated or foreign file is an error, never a partial success. Work and
 * memory are bounded whatever the input: nesting deeper than `maxDepth` and an entry larger than
 * `maxEntryBytes` once its skipped parts are cut out stop the scan with a `HarScanError`.
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/ (HAR 1.2)
 * @see https://www.rfc-editor.org/rfc/rfc8259 (JSON: strings, escapes, structure)
 */

/** Why a scan stopped: `syntax` for text that is not JSON, `shape` for JSON that is not a HAR, `limit` for a bound. */
export class HarScanError extends Error {
  constructor(
    readonly kind: 'syntax' | 'shape' | 'limit',
    message: string,
  ) {
    super(message);
  }
}

/** The parts of a HAR the scanner hands over, each as the JSON text of one value. */
export type HarPart = 'entry' | 'version' | 'creator' | 'browser' | 'pages';

export interface HarScanLimits {
  /** Containers open at once; real exports stay under 40 (Chrome's initiator stacks are the deepest). */
  readonly maxDepth: number;
  /** The JSON text of one entry after its skipped parts are cut out. */
  readonly maxEntryBytes: number;
  /** The JSON text of `log.pages` and the other log fields; larger ones are dropped, not errors. */
  readonly maxLogFieldBytes: number;
}

export const DEFAULT_HAR_SCAN_LIMITS: HarScanLimits = {
  maxDepth: 256,
  maxEntryBytes: 32 * 1024 * 1024,
  maxLogFieldBytes: 8 * 1024 * 1024,
};

const LOG_FIELDS: ReadonlySet<string> = new Set(['version', 'creator', 'browser', 'pages']);
/** Keys of an entry whose values no grading reads. */
const SKIPPED_ENTRY_KEYS: ReadonlySet<string> = new Set(['_initiator', 'timings', 'cache', '_webSocketMessages']);

// Bytes.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

// What each open container expects next.
const OBJECT_START = 1; // after `{`: a key or `}`
const OBJECT_KEY = 2; // after `,`: a key
const OBJECT_COLON = 3; // after a key: `:`
const OBJECT_VALUE = 4; // after `:`: a value
const OBJECT_NEXT = 5; // after a value: `,` or `}`
const ARRAY_START = 6; // after `[`: a value or `]`
const ARRAY_VALUE = 7; // after `,`: a value
const ARRAY_NEXT = 8; // after a value: `,` or `]`
const ROOT_VALUE = 9;
const ROOT_DONE = 10;

// What the scanner does with the value it is in.
const WALK = 0; // the path to log.entries: every value is looked at
const CAPTURE = 1; // an entry or a log field: its text is kept
const SKIP = 2; // a value nothing reads, outside any capture

const MAX_KEY_LENGTH = 32;

/** 1 for the bytes a JSON literal (number, true, false, null) is made of. */
const LITERAL_BYTE = new Uint8Array(256);
for (const character of '0123456789+-.eEtruefalsn') LITERAL_BYTE[character.charCodeAt(0)] = 1;
/** 1 for the bytes a JSON literal may start with. */
const LITERAL_START = new Uint8Array(256);
for (const character of '-0123456789tfn') LITERAL_START[character.charCodeAt(0)] = 1;

const NULL_BYTES = new TextEncoder().encode('null');
/** Strings up to this many bytes are scanned byte by byte, longer ones with indexOf. */
const SHORT_STRING = 48;

/** Strings and literals outside captures longer than this are not checked. */
const MAX_CHECKED_BYTES = 64 * 1024;
const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/** The text of a short key's bytes (keys that decide anything are ASCII). */
function keyText(bytes: Uint8Array, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += String.fromCharCode(bytes[index] as number);
  return text;
}

function isJsonString(quoted: string): boolean {
  try {
    JSON.parse(quoted);
    return true;
  } catch {
    return false;
  }
}

/**
 * Scans a HAR document pushed in chunks. `onPart` receives each entry's (and log field's) JSON
 * text as soon as it is complete; `end()` checks that the document was complete and a HAR.
 */
export class HarScanner {
  readonly #limits: HarScanLimits;
  readonly #onPart: (part: HarPart, text: string) => void;

  #depth = 0;
  readonly #state: Uint8Array;
  readonly #keys: string[] = [];
  #bytesBefore = 0;
  #firstChunk = true;

  // Inside a string.
  #inString = false;
  #stringIsKey = false;
  /** Trailing backslashes of the string's bytes so far, odd or even (the next quote is escaped when odd). */
  #oddBackslashes = false;
  /** Whether the key being scanned is one a decision needs (see `#keyMatters`), and its bytes so far. */
  #keyMatters = false;
  readonly #keyBytes = new Uint8Array(MAX_KEY_LENGTH);
  #keyLength = 0;
  // Inside a literal.
  #inLiteral = false;
  /** Inside a container passed over by `#passContainer`: how many brackets are open, else 0. */
  #nested = 0;
  /**
   * Strings and literals outside captures are checked as JSON.parse would check them (captured
   * text is parsed, cut-out values are skipped unchecked): their bytes, while they stay short.
   */
  #checkedBytes: Uint8Array[] | null = null;
  #checkedLength = 0;
  #checkedFrom = 0;

  #mode = WALK;
  /** The depth of the container holding the value being captured or skipped. */
  #modeDepth = 0;
  /** Inside a capture, a value being cut out: the depth of its container, or -1. */
  #cutDepth = -1;
  #capturePart: HarPart = 'entry';
  #capturing = false;
  /** The kept bytes of the value being captured, copied out of the chunks they came in. */
  #captured = new Uint8Array(64 * 1024);
  #capturedLength = 0;
  readonly #decoder = new TextDecoder();
  /** Where the kept bytes of the current chunk start, while capturing and not cutting. */
  #keepFrom = 0;
  #chunk: Uint8Array = new Uint8Array(0);

  #sawLog = false;
  #sawEntries = false;
  #shapeError: string | null = null;
  #entryIndex = 0;

  constructor(onPart: (part: HarPart, text: string) => void, limits: HarScanLimits = DEFAULT_HAR_SCAN_LIMITS) {
    this.#onPart = onPart;
    this.#limits = limits;
    this.#state = new Uint8Array(limits.maxDepth + 1);
    this.#state[0] = ROOT_VALUE;
  }

  /** Bytes scanned so far. */
  get bytesScanned(): number {
    return this.#bytesBefore;
  }

  push(chunk: Uint8Array): void {
    this.#chunk = chunk;
    const length = chunk.length;
    let position = 0;
    // A UTF-8 byte order mark (Windows tools write one) is not part of the JSON text.
    if (this.#firstChunk && length > 0) {
      this.#firstChunk = false;
      if (length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) position = 3;
    }
    this.#keepFrom = position;
    if (this.#nested > 0) position = this.#passContainer(position);
    else if (this.#inString) position = this.#scanString(position, position);
    else if (this.#inLiteral) position = this.#scanLiteral(position);
    while (position < length) {
      const byte = chunk[position] as number;
      switch (byte) {
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          position++;
          break;
        case QUOTE: {
          const state = this.#state[this.#depth];
          if (state === OBJECT_START || state === OBJECT_KEY) {
            this.#stringIsKey = true;
            this.#keyMatters = this.#keyMattersAt(this.#depth);
            this.#keyLength = 0;
          } else {
            this.#expectValue(position);
            this.#stringIsKey = false;
          }
          this.#inString = true;
          this.#oddBackslashes = false;
          this.#startChecking(position);
          position = this.#scanString(position + 1, position + 1);
          break;
        }
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          this.#expectValue(position);
          if (this.#depth === this.#limits.maxDepth) {
            throw new HarScanError('limit', `nested more than ${this.#limits.maxDepth} levels deep (byte ${this.#bytesBefore + position})`);
          }
          if (this.#mode === CAPTURE && !this.#keyMattersAt(this.#depth + 1)) {
            // Nothing inside decides anything: pass over the container at full speed.
            this.#nested = 1;
            this.#inString = false;
            position = this.#passContainer(position + 1);
            break;
          }
          this.#depth++;
          this.#state[this.#depth] = byte === OPEN_OBJECT ? OBJECT_START : ARRAY_START;
          position++;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          const state = this.#state[this.#depth];
          const closes = byte === CLOSE_OBJECT ? state === OBJECT_START || state === OBJECT_NEXT : state === ARRAY_START || state === ARRAY_NEXT;
          if (!closes) this.#unexpected(position);
          this.#depth--;
          position++;
          this.#valueEnded(position);
          break;
        }
        case COMMA: {
          const state = this.#state[this.#depth];
          if (state === OBJECT_NEXT) this.#state[this.#depth] = OBJECT_KEY;
          else if (state === ARRAY_NEXT) this.#state[this.#depth] = ARRAY_VALUE;
          else this.#unexpected(position);
          position++;
          break;
        }
        case COLON:
          if (this.#state[this.#depth] !== OBJECT_COLON) this.#unexpected(position);
          this.#state[this.#depth] = OBJECT_VALUE;
          position++;
          break;
        default:
          if (LITERAL_START[byte] !== 1) this.#unexpected(position);
          this.#expectValue(position);
          this.#inLiteral = true;
          this.#startChecking(position);
          position = this.#scanLiteral(position + 1);
      }
    }
    if (this.#mode === CAPTURE && this.#cutDepth < 0) this.#keep(this.#keepFrom, length);
    if ((this.#inString || this.#inLiteral) && this.#checkedBytes !== null) this.#collectChecked(this.#checkedFrom, length);
    this.#checkedFrom = 0;
    this.#bytesBefore += length;
  }

  /** Checks that the document is complete and a HAR; throws a `HarScanError` when it is not. */
  end(): void {
    if (this.#inLiteral && this.#depth === 0) this.#endLiteral(0);
    if (this.#inString || this.#inLiteral || this.#nested > 0 || this.#depth > 0 || this.#state[0] !== ROOT_DONE) {
      throw new HarScanError('syntax', `the file ends in the middle of the JSON text (byte ${this.#bytesBefore})`);
    }
    if (this.#shapeError !== null) throw new HarScanError('shape', this.#shapeError);
    if (!this.#sawLog) throw new HarScanError('shape', 'not a HAR file: no "log" object');
    if (!this.#sawEntries) throw new HarScanError('shape', 'not a HAR file: "log.entries" is not a list');
  }

  #unexpected(position: number): never {
    const byte = this.#chunk[position] as number;
    const shown = byte >= 0x21 && byte <= 0x7e ? `"${String.fromCharCode(byte)}"` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
    throw new HarScanError('syntax', `unexpected ${shown} at byte ${this.#bytesBefore + position}`);
  }

  /**
   * Scans string bytes from `from` (the string's bytes in this chunk start at `start`) to the
   * closing quote; returns the position after it, or the chunk's end when the string goes on.
   */
  #scanString(from: number, start: number): number {
    const chunk = this.#chunk;
    let searchFrom = from;
    // Most strings of a HAR (header names and values, keys) are short: look at their first bytes
    // here, and call indexOf only for a long string or one with escapes.
    if (from === start && from > 0) {
      const stop = Math.min(chunk.length, from + SHORT_STRING);
      let index = from;
      while (index < stop) {
        const byte = chunk[index];
        if (byte === QUOTE || byte === BACKSLASH) break;
        index++;
      }
      if (index < stop && chunk[index] === QUOTE) return this.#stringEnded(start, index);
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, searchFrom);
      if (quote < 0) {
        this.#oddBackslashes = this.#backslashesBefore(chunk.length, start);
        if (this.#stringIsKey) this.#collectKey(start, chunk.length);
        return chunk.length;
      }
      if (this.#backslashesBefore(quote, start)) {
        searchFrom = quote + 1;
        continue;
      }
      return this.#stringEnded(start, quote);
    }
  }

  /** The string whose bytes in this chunk start at `start` ended with the quote at `quote`. */
  #stringEnded(start: number, quote: number): number {
    this.#inString = false;
    if (this.#checkedBytes !== null) this.#check(quote + 1, 'string');
    if (this.#stringIsKey) {
      this.#collectKey(start, quote);
      this.#keys[this.#depth] = this.#keyMatters ? keyText(this.#keyBytes, this.#keyLength) : '';
      this.#state[this.#depth] = OBJECT_COLON;
    } else {
      this.#valueEnded(quote + 1);
    }
    return quote + 1;
  }

  /**
   * Passes over the inside of a container in which no decision is taken (a header list, an
   * initiator stack, a value being cut out), from `from` to the bracket that closes it: only
   * strings and nesting are followed. Captured text is checked by JSON.parse afterwards; text
   * cut out is only required to nest properly. Returns where it stopped.
   */
  #passContainer(from: number): number {
    const chunk = this.#chunk;
    const length = chunk.length;
    let position = from;
    if (this.#inString) {
      position = this.#passString(position, position);
      if (this.#inString) return length;
    }
    let nested = this.#nested;
    while (position < length) {
      const byte = chunk[position] as number;
      if (byte === QUOTE) {
        this.#inString = true;
        this.#oddBackslashes = false;
        position = this.#passString(position + 1, position + 1);
        if (this.#inString) break;
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        nested++;
        if (this.#depth + nested > this.#limits.maxDepth) {
          throw new HarScanError('limit', `nested more than ${this.#limits.maxDepth} levels deep (byte ${this.#bytesBefore + position})`);
        }
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        nested--;
        if (nested === 0) {
          this.#nested = 0;
          this.#valueEnded(position + 1);
          return position + 1;
        }
      }
      position++;
    }
    this.#nested = nested;
    return length;
  }

  /** Finds the end of a string inside a passed container; `#inString` says whether it goes on. */
  #passString(from: number, start: number): number {
    const chunk = this.#chunk;
    if (from === start && from > 0) {
      const stop = Math.min(chunk.length, from + SHORT_STRING);
      let index = from;
      while (index < stop) {
        const byte = chunk[index];
        if (byte === QUOTE || byte === BACKSLASH) break;
        index++;
      }
      if (index < stop && chunk[index] === QUOTE) {
        this.#inString = false;
        return index + 1;
      }
    }
    let searchFrom = from;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, searchFrom);
      if (quote < 0) {
        this.#oddBackslashes = this.#backslashesBefore(chunk.length, start);
        return chunk.length;
      }
      if (!this.#backslashesBefore(quote, start)) {
        this.#inString = false;
        return quote + 1;
      }
      searchFrom = quote + 1;
    }
  }

  /** Scans literal bytes from `from`; returns where the literal ends, or the chunk's end when it goes on. */
  #scanLiteral(from: number): number {
    const chunk = this.#chunk;
    const length = chunk.length;
    let position = from;
    while (position < length && LITERAL_BYTE[chunk[position] as number] === 1) position++;
    if (position < length) this.#endLiteral(position);
    return position;
  }

  /** True when an odd number of backslashes stands right before `position` in the string. */
  #backslashesBefore(position: number, start: number): boolean {
    const chunk = this.#chunk;
    let index = position - 1;
    while (index >= start && chunk[index] === BACKSLASH) index--;
    const count = position - 1 - index;
    // The run reaches back into the previous chunk only when it covers every byte of this one.
    const odd = count % 2 === 1;
    return index < start && start === 0 ? odd !== this.#oddBackslashes : odd;
  }

  /** Starts collecting the bytes of a string or literal at `position`, when it is outside a capture. */
  #startChecking(position: number): void {
    if (this.#mode === CAPTURE) return;
    this.#checkedBytes = [];
    this.#checkedLength = 0;
    this.#checkedFrom = position;
  }

  #collectChecked(from: number, to: number): void {
    const bytes = this.#checkedBytes;
    if (bytes === null) return;
    this.#checkedLength += to - from;
    // A long string outside any entry (a log comment) is skipped unchecked, like a body.
    if (this.#checkedLength > MAX_CHECKED_BYTES) this.#checkedBytes = null;
    else bytes.push(this.#chunk.slice(from, to));
  }

  /** Checks the string or literal that ended at `end` as JSON.parse would. */
  #check(end: number, what: 'string' | 'literal'): void {
    this.#collectChecked(this.#checkedFrom, end);
    const bytes = this.#checkedBytes;
    this.#checkedBytes = null;
    if (bytes === null) return;
    const decoder = new TextDecoder();
    const text = bytes.map((part) => decoder.decode(part, { stream: true })).join('') + decoder.decode();
    const valid = what === 'literal' ? JSON_LITERAL.test(text) : isJsonString(text);
    if (!valid) throw new HarScanError('syntax', `invalid ${what} ending at byte ${this.#bytesBefore + end}`);
  }

  #endLiteral(end: number): void {
    this.#inLiteral = false;
    if (this.#checkedBytes !== null) this.#check(end, 'literal');
    this.#valueEnded(end);
  }

  #collectKey(start: number, end: number): void {
    if (!this.#keyMatters) return;
    if (this.#keyLength + end - start > MAX_KEY_LENGTH) {
      this.#keyMatters = false;
      return;
    }
    const chunk = this.#chunk;
    const keyBytes = this.#keyBytes;
    let length = this.#keyLength;
    for (let index = start; index < end; index++) keyBytes[length++] = chunk[index] as number;
    this.#keyLength = length;
  }

  /** A value starts at `position`: check that one is expected, and decide what to do with it. */
  #expectValue(position: number): void {
    const depth = this.#depth;
    const state = this.#state[depth];
    if (state !== OBJECT_VALUE && state !== ARRAY_START && state !== ARRAY_VALUE && state !== ROOT_VALUE) this.#unexpected(position);
    if (this.#mode === SKIP) return;
    if (this.#mode === CAPTURE) {
      if (this.#cutDepth < 0 && this.#capturePart === 'entry' && this.#isSkippedInEntry(depth)) {
        this.#keep(this.#keepFrom, position);
        this.#keepBytes(NULL_BYTES, 0, NULL_BYTES.length);
        this.#cutDepth = depth;
      }
      return;
    }
    const byte = this.#chunk[position];
    const key = this.#keys[depth];
    if (depth === 0) {
      if (byte !== OPEN_OBJECT) this.#skip(depth, 'not a HAR file: no "log" object');
    } else if (depth === 1) {
      if (key !== 'log') this.#skip(depth);
      else if (byte !== OPEN_OBJECT) this.#skip(depth, 'not a HAR file: no "log" object');
      else this.#sawLog = true;
    } else if (depth === 2) {
      if (key === 'entries') {
        if (byte === OPEN_ARRAY) this.#sawEntries = true;
        else this.#skip(depth, 'not a HAR file: "log.entries" is not a list');
      } else if (key !== undefined && LOG_FIELDS.has(key)) this.#capture(depth, position, key as HarPart);
      else this.#skip(depth);
    } else {
      this.#capture(depth, position, 'entry');
    }
  }

  /**
   * Whether a key of the object at `depth` takes part in a decision: `log`, its fields, an entry's
   * keys, `request`'s and `response`'s, and `response.content`'s. Other keys are not decoded.
   */
  #keyMattersAt(depth: number): boolean {
    if (depth <= 2) return this.#mode === WALK;
    if (this.#mode !== CAPTURE || this.#cutDepth >= 0 || this.#capturePart !== 'entry') return false;
    const keys = this.#keys;
    if (depth === 4) return true;
    if (depth === 5) return keys[4] === 'request' || keys[4] === 'response';
    return depth === 6 && keys[5] === 'content' && keys[4] === 'response';
  }

  /** Whether the value about to start in the container at `depth` of an entry is one nothing reads. */
  #isSkippedInEntry(depth: number): boolean {
    // The entry object is at depth 4 (root, log, entries, entry).
    const keys = this.#keys;
    if (depth === 4) return SKIPPED_ENTRY_KEYS.has(keys[4] as string);
    if (depth === 5) return keys[5] === 'cookies' && (keys[4] === 'request' || keys[4] === 'response');
    if (depth === 6) return keys[6] === 'text' && keys[5] === 'content' && keys[4] === 'response';
    return false;
  }

  #skip(depth: number, shapeError?: string): void {
    if (shapeError !== undefined && this.#shapeError === null) this.#shapeError = shapeError;
    this.#mode = SKIP;
    this.#modeDepth = depth;
  }

  #capture(depth: number, position: number, part: HarPart): void {
    this.#mode = CAPTURE;
    this.#modeDepth = depth;
    this.#capturePart = part;
    this.#capturing = true;
    this.#capturedLength = 0;
    this.#cutDepth = -1;
    this.#keepFrom = position;
  }

  /** Keeps the captured bytes [from, to) of the current chunk. */
  #keep(from: number, to: number): void {
    if (to > from && this.#capturing) this.#keepBytes(this.#chunk, from, to);
  }

  #keepBytes(source: Uint8Array, from: number, to: number): void {
    const length = this.#capturedLength + to - from;
    const limit = this.#capturePart === 'entry' ? this.#limits.maxEntryBytes : this.#limits.maxLogFieldBytes;
    if (length > limit) {
      if (this.#capturePart === 'entry') {
        throw new HarScanError('limit', `entry ${this.#entryIndex + 1} is larger than ${Math.round(limit / 1024 / 1024)} MB without its response body`);
      }
      // A log field that large is not one a HAR needs: drop it and skip the rest of it.
      this.#capturing = false;
      this.#mode = SKIP;
      return;
    }
    if (length > this.#captured.length) {
      const larger = new Uint8Array(Math.min(Math.max(length, this.#captured.length * 2), limit));
      larger.set(this.#captured.subarray(0, this.#capturedLength));
      this.#captured = larger;
    }
    this.#captured.set(source.subarray(from, to), this.#capturedLength);
    this.#capturedLength = length;
  }

  /** The value that ended at `end` (exclusive) was in the container at the current depth. */
  #valueEnded(end: number): void {
    const depth = this.#depth;
    const state = this.#state[depth];
    if (state === OBJECT_VALUE) this.#state[depth] = OBJECT_NEXT;
    else if (state === ROOT_VALUE) this.#state[depth] = ROOT_DONE;
    else this.#state[depth] = ARRAY_NEXT;
    if (this.#cutDepth === depth) {
      this.#cutDepth = -1;
      this.#keepFrom = end;
      return;
    }
    if (this.#mode === WALK || depth !== this.#modeDepth) return;
    if (this.#mode === CAPTURE && this.#capturing) {
      this.#keep(this.#keepFrom, end);
      this.#capturing = false;
      const text = this.#decoder.decode(this.#captured.subarray(0, this.#capturedLength));
      if (this.#capturePart === 'entry') this.#entryIndex++;
      this.#onPart(this.#capturePart, text);
    }
    this.#mode = WALK;
  }
}
