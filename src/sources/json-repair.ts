import { lineIndex, type LineIndex } from './line-index.js';
import { skipPhpOutput } from './php-output.js';

/**
 * A tolerant JSON reader for damaged exports. It never throws and never rejects damaged input:
 * raw control characters in strings are kept, a truncated document is closed (every complete
 * field and the partial string that was cut are kept), a BOM and trailing garbage are dropped,
 * stray or missing commas are tolerated, PHP warnings printed before the JSON are skipped. Every repair is reported with its position, which is
 * why this is hand-written: libraries such as `jsonrepair` fix the text but do not say what
 * they changed or where.
 */

/** One kind of repair, with its first position and how many times it was needed. */
interface JsonRepair {
  /** What was repaired, e.g. "raw newline inside a string". */
  repair: string;
  /** 0-based offset of the first occurrence. */
  offset: number;
  /** 1-based line of the first occurrence. */
  line: number;
  /** 1-based column of the first occurrence. */
  column: number;
  /** Occurrences of this repair. */
  count: number;
}

/** What the lenient reader made of a text. */
export type LenientJson =
  | {
      /** The value read (an object or an array: the only top-level values a post can be). */
      value: unknown;
      /** Repairs, in order of first occurrence. */
      repairs: JsonRepair[];
      /** Offset of each object member's value in the text, for locating fields. */
      offsets: WeakMap<object, Record<string, number>>;
    }
  | {
      /** Why the text is not JSON at all. */
      error: string;
    };

const MISSING = Symbol('missing');
const MAX_DEPTH = 512;
const SPECIAL = /["\\\u0000-\u001f]/g;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const CONTROL_NAMES: Record<string, string> = { '\n': 'newline', '\r': 'carriage return', '\t': 'tab' };

/** Thrown internally to unwind from pathological nesting; caught in parseLenientJson. */
class TooDeep extends Error {}

/** Recursive-descent reader over one text, collecting repairs as it goes. */
class Reader {
  i = 0;
  depth = 0;
  readonly found = new Map<string, { offset: number; count: number }>();
  readonly offsets = new WeakMap<object, Record<string, number>>();
  /** What had to be closed at the end of a truncated input. */
  readonly closed = { strings: 0, arrays: 0, objects: 0, dropped: 0 };

  constructor(readonly s: string) {}

  note(repair: string, offset: number): void {
    const seen = this.found.get(repair);
    if (seen) seen.count++;
    else this.found.set(repair, { offset, count: 1 });
  }

  get eof(): boolean {
    return this.i >= this.s.length;
  }

  skipWs(): void {
    const s = this.s;
    let i = this.i;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    }
    this.i = i;
  }

  value(): unknown {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    return this.literal();
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
  }

  object(): Record<string, unknown> {
    this.enter();
    const obj: Record<string, unknown> = {};
    const where: Record<string, number> = Object.create(null) as Record<string, number>;
    this.offsets.set(obj, where);
    this.i++;
    for (;;) {
      this.skipWs();
      if (this.eof) {
        this.closed.objects++;
        break;
      }
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        break;
      }
      if (c === ',') {
        this.note('stray comma', this.i);
        this.i++;
        continue;
      }
      if (c !== '"') {
        this.note('unexpected character inside an object', this.i);
        this.i++;
        continue;
      }
      const stringsBefore = this.closed.strings;
      const key = this.string();
      if (this.eof) {
        // The input ended inside the key or right after it: the field never existed.
        this.closed.strings = stringsBefore;
        this.closed.dropped++;
        this.closed.objects++;
        break;
      }
      this.skipWs();
      if (this.s[this.i] === ':') this.i++;
      else if (!this.eof) this.note("missing ':' after a key", this.i);
      this.skipWs();
      if (this.eof) {
        this.closed.dropped++;
        this.closed.objects++;
        break;
      }
      const valueStart = this.i;
      const v = this.value();
      if (v === MISSING) {
        if (this.eof) {
          this.closed.dropped++;
          continue;
        }
        this.note('unexpected character inside an object', this.i);
        this.i++;
        continue;
      }
      // defineProperty: a "__proto__" key is data, never the object's prototype.
      Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      where[key] = valueStart;
      this.skipWs();
      if (this.eof) {
        this.closed.objects++;
        break;
      }
      const next = this.s[this.i];
      if (next === ',') this.i++;
      else if (next === '}') {
        this.i++;
        break;
      } else if (next === '"') this.note('missing comma between fields', this.i);
    }
    this.depth--;
    return obj;
  }

  array(): unknown[] {
    this.enter();
    const arr: unknown[] = [];
    this.i++;
    for (;;) {
      this.skipWs();
      if (this.eof) {
        this.closed.arrays++;
        break;
      }
      const c = this.s[this.i];
      if (c === ']') {
        this.i++;
        break;
      }
      if (c === ',') {
        this.note('stray comma', this.i);
        this.i++;
        continue;
      }
      const v = this.value();
      if (v === MISSING) {
        if (this.eof) {
          this.closed.dropped++;
          continue;
        }
        this.note('unexpected character inside an array', this.i);
        this.i++;
        continue;
      }
      arr.push(v);
      this.skipWs();
      if (this.eof) {
        this.closed.arrays++;
        break;
      }
      const next = this.s[this.i];
      if (next === ',') this.i++;
      else if (next === ']') {
        this.i++;
        break;
      } else this.note('missing comma between items', this.i);
    }
    this.depth--;
    return arr;
  }

  string(): string {
    const s = this.s;
    let i = this.i + 1;
    let out = '';
    for (;;) {
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(s);
      if (!m) {
        out += s.slice(i);
        this.i = s.length;
        this.closed.strings++;
        return out;
      }
      const at = m.index;
      out += s.slice(i, at);
      const c = s[at];
      if (c === '"') {
        this.i = at + 1;
        return out;
      }
      if (c === '\\') {
        const e = s[at + 1];
        if (e === undefined) {
          this.i = s.length;
          this.closed.strings++;
          return out;
        }
        if (e === 'u') {
          const hex = s.slice(at + 2, at + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            i = at + 6;
          } else if (at + 6 > s.length && /^[0-9a-fA-F]*$/.test(hex)) {
            // Cut in the middle of a \u escape: the character is lost with the rest.
            this.i = s.length;
            this.closed.strings++;
            return out;
          } else {
            this.note('invalid escape sequence', at);
            out += 'u';
            i = at + 2;
          }
          continue;
        }
        const decoded = ESCAPES[e];
        if (decoded === undefined) this.note('invalid escape sequence', at);
        out += decoded ?? e;
        i = at + 2;
        continue;
      }
      // A raw control character: keep it (it is what the writer meant) and report it.
      const name =
        CONTROL_NAMES[c] ?? `control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      this.note(`raw ${name} inside a string`, at);
      out += c;
      i = at + 1;
    }
  }

  number(): number | typeof MISSING {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) {
      // A lone "-" cut off at the end: nothing of the number survives.
      if (this.i + 1 >= this.s.length) this.i = this.s.length;
      return MISSING;
    }
    this.i += m[0].length;
    // A number cut mid-way ("1." or "1e") keeps its complete prefix.
    const rest = this.s[this.i];
    if ((rest === '.' || rest === 'e' || rest === 'E') && this.i + 1 >= this.s.length) this.i = this.s.length;
    return Number(m[0]);
  }

  literal(): unknown {
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      const have = this.s.slice(this.i, this.i + word.length);
      if (have === word) {
        this.i += word.length;
        return v;
      }
      if (
        have.length < word.length &&
        this.i + have.length >= this.s.length &&
        word.startsWith(have) &&
        have.length > 0
      ) {
        // Truncated inside a literal: complete it.
        this.i = this.s.length;
        return v;
      }
    }
    return MISSING;
  }
}

// The index of the last text asked about more than once: a list of 10,000 posts asks once per
// post. A text asked about once (the line of an HTML page's body) is scanned, not indexed and
// kept: the memo held a 20 MB page, and its index, to the end of the run (issue 13).
let lineIndexMemo: { text: string; index: LineIndex } | undefined;
// The length of the last text scanned: one of the same length asked next is most likely it again.
let scannedLength = -1;

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  if (lineIndexMemo?.text === text) return lineIndexMemo.index.lineColumn(offset);
  if (text.length !== scannedLength) {
    scannedLength = text.length;
    return scanLineColumn(text, offset);
  }
  lineIndexMemo = { text, index: lineIndex(text) };
  return lineIndexMemo.index.lineColumn(offset);
}

/** lineColumn by scanning the text up to `offset` (what lineIndex's lookup answers). */
function scanLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** "1 string, 2 objects" from the counts of what a truncation closed. */
function describeClosed(closed: Reader['closed']): string {
  const parts: string[] = [];
  const add = (n: number, one: string, many: string): void => {
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  add(closed.strings, 'string', 'strings');
  add(closed.arrays, 'array', 'arrays');
  add(closed.objects, 'object', 'objects');
  let text = `truncated input: closed ${parts.join(', ') || 'nothing'}`;
  if (closed.dropped > 0) text += `; dropped ${closed.dropped} incomplete field${closed.dropped === 1 ? '' : 's'}`;
  return text;
}

/**
 * Reads `text` as JSON, repairing what it can. Fails (as a value, never by throwing) only when
 * the text does not start like a JSON object or array.
 */
export function parseLenientJson(text: string): LenientJson {
  try {
    const r = new Reader(text);
    if (text.charCodeAt(0) === 0xfeff) {
      r.note('byte order mark at the start', 0);
      r.i = 1;
    }
    r.skipWs();
    if (r.eof) return { error: 'empty document' };
    const php = skipPhpOutput(text, r.i);
    if (php) {
      for (const at of php.messages) r.note('PHP warning output before the JSON', at);
      r.i = php.jsonStart;
    }
    const first = text[r.i];
    if (first !== '{' && first !== '[') return { error: 'not JSON (does not start with "{" or "[")' };
    let value = r.value();
    // Concatenated exports (`{…}{…}`, one post per line): every value is a post, so they are
    // read as one list rather than dropping all but the first as trailing garbage.
    const values = [value];
    for (;;) {
      if (r.closed.strings + r.closed.arrays + r.closed.objects + r.closed.dropped > 0) break;
      r.skipWs();
      if (r.eof || (text[r.i] !== '{' && text[r.i] !== '[')) break;
      r.note('several JSON values one after another, read as one list', r.i);
      values.push(r.value());
    }
    if (values.length > 1) value = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    const total = r.closed.strings + r.closed.arrays + r.closed.objects + r.closed.dropped;
    if (total > 0) r.note(describeClosed(r.closed), text.length);
    else {
      r.skipWs();
      if (!r.eof) r.note('trailing data after the JSON value', r.i);
    }
    const repairs: JsonRepair[] = [...r.found].map(([repair, { offset, count }]) => ({
      repair,
      offset,
      count,
      ...lineColumn(text, offset),
    }));
    return { value, repairs, offsets: r.offsets };
  } catch (error) {
    if (error instanceof TooDeep) return { error: `nested more than ${MAX_DEPTH} levels deep` };
    return { error: `unreadable JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
