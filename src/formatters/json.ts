import { SEVERITIES } from '../report/codes.js';
import { LINK_STATUSES, type Report } from '../types.js';
import { guardJsonText, isVerbatimJsonString } from './escape.js';

// Key order per object kind (keyed by the property path that holds it): contract paths of
// PRODUCT.md first, then the other known fields; unknown keys follow in code-unit order, so
// the output never depends on how the Report object was assembled. This is the one place the
// JSON report's key order is stated; the status and severity counts follow the model's order.
const ORDERS: Record<string, string[]> = {
  '': [
    'schemaVersion',
    'tool',
    'startedAt',
    'durationMs',
    'interrupted',
    'offline',
    'totals',
    'posts',
    'findings',
    'hosts',
  ],
  tool: ['name', 'version'],
  totals: ['posts', 'blocks', 'claims', 'citations', 'uniqueUrls', 'damagedAnchors', 'byStatus', 'findings'],
  byStatus: [...LINK_STATUSES],
  findings: [...SEVERITIES],
  'posts[]': [
    'source',
    'kind',
    'id',
    'slug',
    'title',
    'url',
    'published',
    'modified',
    'baseUrl',
    'bodySelector',
    'warnings',
    'blocks',
  ],
  'warnings[]': ['code', 'repair', 'where', 'line'],
  'blocks[]': [
    'index',
    'kind',
    'text',
    'isClaim',
    'signals',
    'citations',
    'damagedAnchors',
    'damagedAnchorsOmitted',
    'line',
    'credits',
    'firsthand',
  ],
  'credits[]': ['via', 'block'],
  firsthand: ['words', 'block'],
  'citations[]': [
    'url',
    'anchorText',
    'sentence',
    'status',
    'httpStatus',
    'finalUrl',
    'redirects',
    'errorCode',
    'reason',
    'history',
    'archive',
    'unconfirmed',
    'rawHref',
    'checkUrl',
    'fragment',
    'invalid',
    'rel',
    'isInternal',
    'origin',
    'via',
    'role',
    'archivedCopy',
  ],
  'redirects[]': ['url', 'status', 'location'],
  history: ['firstCheckedAt', 'failingSince', 'checks', 'failures', 'failingChecks'],
  shard: ['index', 'count', 'inputs'],
  archive: ['url', 'capturedAt', 'status', 'originalUrl', 'similarity', 'quotesInCapture', 'reason'],
  'damagedAnchors[]': ['anchorText', 'sentence', 'reason'],
  'findings[]': ['code', 'severity', 'message', 'post', 'source', 'block', 'url', 'line', 'args'],
  'hosts[]': ['host', 'requests', 'retries', 'backoffs', 'maxInFlight'],
};

/**
 * The JSON report (schemaVersion 1): contract of PRODUCT.md, deterministic key order, 2-space
 * indent, no trailing newline. Printed in a CI log it is inert (see guardJsonText); parsed, it
 * holds the post's text exactly.
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

// The arrays that grow with the input, by the object kind that holds them: the report's posts
// and findings, and a post's blocks (one post of a 40,000-paragraph page is most of a report).
const STREAMED: Record<string, readonly string[]> = { '': ['posts', 'findings'], 'posts[]': ['blocks'] };

/**
 * The JSON report of {@link renderJson} in pieces, one per finding and per block, so the CLI can
 * write a large report without holding it, or an ordered copy of it, whole: for a 41 MB export
 * the 270 MB string and its copy were half the run's peak memory. Same bytes once joined.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  yield* pieces(report, '', 0);
}

/** Items of a streamed array (blocks, findings), counted with their citations and damaged anchors, stringified together. */
const BATCH = 256;

/**
 * Characters of text a batch holds at most (besides BATCH): 256 damaged anchors of a long
 * sentence each were a 290 KB two-byte string per batch (past the 128 KB V8 allocates as a
 * regular object), and rendering the 40 MB report of 70,000 of them took ~15% longer.
 */
const BATCH_CHARS = 1 << 15;

/** Two spaces per level, as JSON.stringify(…, null, 2) indents. */
const pad = (depth: number): string => '  '.repeat(depth);

/**
 * The 2-space JSON of `value` (an object of kind `holder`, written at `depth` levels of
 * indentation) in pieces: its STREAMED arrays (or the `split` ones) item by item, the rest whole.
 */
function* pieces(value: unknown, holder: string, depth: number, split: readonly string[] = []): Generator<string> {
  const streamed = (STREAMED[holder] ?? split).filter((key) =>
    Array.isArray((value as Record<string, unknown> | null)?.[key]),
  );
  // JSON strings hold no raw newline, so indenting every line break is exact.
  const indent = (json: string): string => (depth === 0 ? json : json.replace(/\n/g, `\n${pad(depth)}`));
  if (streamed.length === 0) {
    yield guardJsonText(indent(JSON.stringify(canonical(value, holder), null, 2)));
    return;
  }
  // Placeholders hold the arrays' places in the ordered object; a NUL is escaped by
  // JSON.stringify, so the quoted marker cannot be confused with text of the report.
  const marker = (key: string) => `\u0000${key}`;
  const object = value as Record<string, unknown>;
  const top: Record<string, unknown> = { ...object };
  for (const key of streamed) top[key] = marker(key);
  let head = indent(JSON.stringify(canonical(top, holder), null, 2));
  for (const key of streamed) {
    const quoted = `${JSON.stringify(key)}: ${JSON.stringify(marker(key))}`;
    const at = head.indexOf(quoted);
    yield guardJsonText(`${head.slice(0, at)}${JSON.stringify(key)}: `);
    head = head.slice(at + quoted.length);
    const items = object[key] as readonly unknown[];
    if (items.length === 0) {
      yield '[]';
      continue;
    }
    yield '[';
    if (STREAMED[`${key}[]`] === undefined) {
      // Items written whole, about BATCH citations and blocks at a time: one JSON.stringify
      // call, one indenting pass and one guard scan per item were most of writing the report of
      // 100,000 short paragraphs. An item heavier than a batch (a block of 70,000 damaged
      // anchors) is written alone, its own long arrays in batches: stringified whole, its
      // 40 MB of JSON and two copies of it were most of the run's peak memory.
      // The item's own arrays that count in its weight (SPLIT), looked up once per array.
      const split = SPLIT[itemOf(key)];
      for (let i = 0; i < items.length;) {
        if (weight(items[i], split) > BATCH) {
          yield `${i === 0 ? '' : ','}\n${pad(depth + 2)}`;
          yield* pieces(items[i], `${key}[]`, depth + 2, SPLIT[`${key}[]`]);
          i += 1;
          continue;
        }
        let end = i + 1;
        let chars = textLength(items[i], split);
        for (let sum = weight(items[i], split); end < items.length; end++) {
          sum += weight(items[end], split);
          chars += textLength(items[end], split);
          if (sum > BATCH || chars > BATCH_CHARS) break;
        }
        // Items of little text (100,000 short paragraphs) are written faster by JSON.stringify;
        // items of long text (sentences, paragraphs) by writtenBatch.
        const write = chars >= WRITTEN_CHARS * (end - i) ? writtenBatch : stringifiedBatch;
        yield* write(items.slice(i, end), key, depth, i === 0);
        i = end;
      }
    } else {
      for (let i = 0; i < items.length; i++) {
        yield `\n${pad(depth + 2)}`;
        yield* pieces(items[i], `${key}[]`, depth + 2);
        if (i < items.length - 1) yield ',';
      }
    }
    yield `\n${pad(depth + 1)}]`;
  }
  yield guardJsonText(head);
}

/**
 * Characters of a piece of a batch at least (whole items, so a piece ends before an item): a
 * piece per item (100,000 for a page of 100,000 paragraphs, each passed up three generators
 * and written on its own) was ~20% of rendering its report. Small enough for the CLI to encode
 * several into one buffer before a write (cli/print.ts), and far below the 128 KB past which
 * V8 allocates a string as a large object.
 */
const PIECE_CHARS = 1 << 13;

/**
 * Characters of text per item from which a batch is written by writtenBatch: JSON.stringify
 * with an indent writes the structure of items of short text faster (the 100,000 short
 * paragraphs of a wide page, ~10 characters each; 45,000 cited paragraphs, ~76), writtenBatch
 * items of long text (one scan per string, where JSON.stringify scans it and the guard then the
 * whole JSON: the report of 70,000 damaged anchors, 40 MB of sentence windows, ~280 each).
 */
const WRITTEN_CHARS = 200;

/**
 * The items of an array of kind `key` written whole, as one JSON.stringify(…, null, 2) of them,
 * in pieces of whole items of about PIECE_CHARS (slices share the batch's text); `first` when
 * they open the array.
 */
function* stringifiedBatch(items: readonly unknown[], key: string, depth: number, first: boolean): Generator<string> {
  // Stringified inside `depth + 1` arrays, the items come out at their own indentation: no
  // second pass over the text to indent every line (a copy of the whole report, in batches).
  const { open, close } = nesting(depth + 1);
  let value: unknown = canonical(items, key);
  for (let level = 0; level < depth + 1; level++) value = [value];
  const json = JSON.stringify(value, null, 2);
  // "\n<indent>item,\n<indent>item": a view of the JSON, scanned by the guard without a copy.
  const text = guardJsonText(json.slice(open.length, json.length - close.length));
  const lead = first ? '' : ',';
  // An item starts after a comma and a line break at its own indentation, every line inside
  // it is indented further.
  const next = `,\n${pad(depth + 2)}`;
  let from = 0;
  // The first item start PIECE_CHARS or more past the piece's start ends it (a line indented
  // further is inside an item).
  for (let at = text.indexOf(next, PIECE_CHARS); at >= 0;) {
    if (text.charCodeAt(at + next.length) === 32) {
      at = text.indexOf(next, at + 1);
      continue;
    }
    yield from === 0 ? lead + text.slice(0, at) : text.slice(from, at);
    from = at;
    at = text.indexOf(next, at + PIECE_CHARS);
  }
  yield from === 0 ? lead + text : text.slice(from);
}

/**
 * What JSON.stringify(…, null, 2) writes around the items of an array nested `levels` arrays
 * deep (the items' own array included): its opening brackets, each on its line, and its closing ones.
 */
function nesting(levels: number): { open: string; close: string } {
  let open = '[';
  for (let i = 1; i <= levels; i++) open += `\n${pad(i)}[`;
  let close = '';
  for (let i = levels; i >= 0; i--) close += `\n${pad(i)}]`;
  return { open, close };
}

/**
 * The items of an array of kind `key` written whole (as JSON.stringify(…, null, 2) of their
 * canonical form would, then guarded: see prettyValue), in pieces of whole items of about
 * PIECE_CHARS; `first` when they open the array.
 */
function* writtenBatch(items: readonly unknown[], key: string, depth: number, first: boolean): Generator<string> {
  const item = itemOf(key);
  // An item starts after a comma and a line break at its own indentation.
  const start = `\n${padAt(depth + 2)}`;
  let piece = first ? '' : ',';
  for (let i = 0; i < items.length; i++) {
    piece += `${i === 0 ? '' : ','}${start}${prettyValue(items[i], item, depth + 2) ?? 'null'}`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

// Indentations by depth, made once.
const PADS: string[] = [];
const padAt = (depth: number): string => (PADS[depth] ??= pad(depth));
// `"key": ` by key, for the keys some kind of object ranks.
const QUOTED = new Map<string, string>();

/** `"key": `, guarded (see guardedString). */
function fieldName(key: string): string {
  let quoted = QUOTED.get(key);
  if (quoted === undefined) {
    quoted = `${guardedString(key)}: `;
    if (RANK_KEYS.has(key)) QUOTED.set(key, quoted);
  }
  return quoted;
}

/**
 * The JSON string of `text`, guarded: `"text"` itself for verbatim text (isVerbatimJsonString, escape.ts:
 * no character escaped or guarded) (one scan, instead of JSON.stringify's and then the guard's over the whole
 * report, most of which is indentation and field names); else guardJsonText(JSON.stringify(text)),
 * the same as guarding it within the whole document (the guard's changes never span two strings).
 */
function guardedString(text: string): string {
  return isVerbatimJsonString(text) ? `"${text}"` : guardJsonText(JSON.stringify(text));
}

/**
 * What guardJsonText(JSON.stringify(canonical(value, holder), null, 2)) writes for `value` (an
 * object of kind `holder`) as an item or field at `depth` levels of indentation, undefined where
 * JSON.stringify writes nothing (undefined, a function, a symbol). Written here rather than by
 * JSON.stringify with an indent: strings are checked once for what would be escaped or guarded
 * (see guardedString), objects walked in canonical order without copying the ones out of it
 * (every finding's args), and the guard does not rescan the whole text.
 */
function prettyValue(value: unknown, holder: string, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      // A sentence window is a rope the report keeps unflattened (see flatCopy).
      return guardedString(holder === 'sentence' ? (flatCopy(value) as string) : value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does
    default:
      return undefined;
  }
  if (value === null) return 'null';
  // A sentence field is not put in canonical order (canonical() left it as it was).
  if (holder === 'sentence') return stringified(value, holder, depth, false);
  const inner = `\n${padAt(depth + 1)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (Object.hasOwn(value, 'toJSON')) return stringified(value, holder, depth);
    const item = itemOf(holder);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += `${i === 0 ? '' : ','}${inner}${prettyValue(value[i], item, depth + 1) ?? 'null'}`;
    }
    return `${out}\n${padAt(depth)}]`;
  }
  const object = value as Record<string, unknown>;
  if (!isPlain(object)) return stringified(value, holder, depth);
  const ranks = RANKS.get(holder) ?? NO_RANKS;
  let out = '';
  if (isSorted(object, ranks)) {
    for (const key in object) {
      const text = prettyValue(object[key], key, depth + 1);
      if (text !== undefined) out += `${out === '' ? '{' : ','}${inner}${fieldName(key)}${text}`;
    }
  } else {
    const keys = sortedKeys(object, ranks);
    // An object lists array-index keys first whatever the order they were set in: the sorted
    // copy JSON.stringify was given did too.
    if (keys.some(isIndex)) return stringified(value, holder, depth);
    for (let i = 0; i < keys.length; i++) {
      const text = prettyValue(object[keys[i]], keys[i], depth + 1);
      if (text !== undefined) out += `${out === '' ? '{' : ','}${inner}${fieldName(keys[i])}${text}`;
    }
  }
  return out === '' ? '{}' : `${out}\n${padAt(depth)}}`;
}

/**
 * True for a key an object lists before its other keys, in ascending order (an array index).
 * A key not starting with a digit (every field name of a report) is answered before the
 * pattern: asked of each key of every object written out of order (each citation of an offline
 * run), the pattern's test allocated ~1.7 MB writing the report of a 2,000-link page.
 */
const isIndex = (key: string): boolean => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
};

/** guardJsonText of JSON.stringify's own text for `value` (a class instance, a toJSON; in canonical order if `ordered`), indented to `depth`. */
function stringified(value: unknown, holder: string, depth: number, ordered = true): string | undefined {
  const json = JSON.stringify(ordered ? canonical(value, holder) : value, null, 2) as string | undefined;
  if (json === undefined) return undefined;
  return guardJsonText(depth === 0 ? json : json.replace(/\n/g, `\n${padAt(depth)}`));
}

// Arrays inside an item that may be written in batches of their own when the item is heavy,
// by the kind of the item (a block's citations and damaged anchors).
const SPLIT: Record<string, readonly string[]> = { 'blocks[]': ['citations', 'damagedAnchors'] };

/** How much of a batch an item takes: one, plus the items of its `split` arrays (its SPLIT, by its kind). */
function weight(item: unknown, split: readonly string[] | undefined): number {
  if (split === undefined || item === null || typeof item !== 'object') return 1;
  let sum = 1;
  for (let i = 0; i < split.length; i++) {
    const value = (item as Record<string, unknown>)[split[i]];
    if (Array.isArray(value)) sum += value.length;
  }
  return sum;
}

/**
 * About how many characters of text an item holds: its long fields (a block's text, a
 * sentence, an anchor's or a finding's text), and those of the items of its `split` arrays.
 * Named fields read directly: a walk of every field cost ~10% of the render of 100,000 short
 * paragraphs.
 */
function textLength(item: unknown, split: readonly string[] | undefined): number {
  if (item === null || typeof item !== 'object') return 0;
  const object = item as Record<string, unknown>;
  let sum = lengthOf(object.text) + lengthOf(object.sentence) + lengthOf(object.anchorText) + lengthOf(object.message);
  if (split === undefined) return sum;
  for (let i = 0; i < split.length; i++) {
    const list = object[split[i]];
    if (Array.isArray(list)) for (let j = 0; j < list.length; j++) sum += textLength(list[j], undefined);
  }
  return sum;
}

/** The length of a string field, 0 for anything else. */
const lengthOf = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

// Rank lookups as maps, built once: canonical() visits every object of large reports.
const RANKS = new Map(Object.entries(ORDERS).map(([holder, keys]) => [holder, new Map(keys.map((k, i) => [k, i]))]));
const NO_RANKS = new Map<string, number>();
// Every key some kind of object ranks: their quoted forms are kept.
const RANK_KEYS = new Set(Object.values(ORDERS).flat());

/**
 * `value` with every object's keys in ORDERS' order (an object of kind `holder`; nested
 * objects take their key as kind, array items `kind[]`), undefined fields left out. An object
 * or array already in that order is returned as it is, not copied: most of a report is built
 * in order, and copying every object of a page of 100,000 paragraphs (into dictionary-mode
 * objects JSON.stringify walks slowly) was most of writing its report.
 */
function canonical(value: unknown, holder: string): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    const item = itemOf(holder);
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const c = canonical(v, item);
      if (c !== v && copy === undefined) copy = value.slice(0, i);
      if (copy !== undefined) copy.push(c);
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  const ranks = RANKS.get(holder) ?? NO_RANKS;
  const object = value as Record<string, unknown>;
  // Keys by for-in, not Object.keys(): the same own keys in the same order for a plain object
  // (isPlain: nothing inherited is enumerable), read from V8's cache of them instead of a new
  // array per object, ~8% of writing the report of 100,000 short paragraphs.
  if (!isPlain(object) || !isSorted(object, ranks)) return sortedCopy(object, ranks);
  // In order already: copied only when a field's value is (a sentence always is, see flatCopy).
  let out: Record<string, unknown> | undefined;
  for (const key in object) {
    const v = object[key];
    if (v === undefined) continue;
    // A sentence is compared by its key, not its text: comparing a rope flattens it too.
    const sentence = key === 'sentence';
    const c = sentence ? flatCopy(v) : canonical(v, key);
    if (out === undefined && (sentence || c !== v)) {
      out = emptyFor(Object.hasOwn(object, '__proto__'));
      for (const before in object) {
        if (before === key) break;
        if (object[before] !== undefined) out[before] = object[before];
      }
    }
    if (out !== undefined) out[key] = c;
  }
  return out ?? value;
}

/**
 * A copy of `object` with its keys in canonical order (see canonical). A function of its own:
 * its sort's comparator holds `ranks`, and a function holding a closure over its variables
 * allocates their context at every call, even the calls that never sort (~50 bytes on each of
 * the eight canonical() calls per block: 44 MB writing the report of 100,000 paragraphs).
 */
function sortedCopy(object: Record<string, unknown>, ranks: Map<string, number>): Record<string, unknown> {
  const defined = sortedKeys(object, ranks);
  const out = emptyFor(defined.includes('__proto__'));
  for (const k of defined) out[k] = k === 'sentence' ? flatCopy(object[k]) : canonical(object[k], k);
  return out;
}

/** The defined keys of an object, as read, and in canonical order: the last order sorted for a kind. */
interface KeyOrder {
  /** The keys as the object listed them. */
  read: readonly string[];
  /** The same keys in canonical order. */
  sorted: readonly string[];
}

// The last key order sorted per kind of object (by its ranks), and the keys of the object at hand.
const LAST_ORDER = new Map<Map<string, number>, KeyOrder>();
const scratch: string[] = [];

/**
 * The defined keys of `object` in canonical order. The objects of one kind that need sorting
 * mostly list their keys alike (every citation of an offline run has its checkUrl after its
 * origin): the last order sorted for the kind is reused when the keys match it, instead of a
 * list, a filtered copy and a sort per object (~60 MB less allocated writing a 4 MB post's report).
 */
function sortedKeys(object: Record<string, unknown>, ranks: Map<string, number>): readonly string[] {
  scratch.length = 0;
  if (isPlain(object)) {
    // for-in lists a plain object's own keys in Object.keys() order (see canonical).
    for (const k in object) if (object[k] !== undefined) scratch.push(k);
  } else for (const k of Object.keys(object)) if (object[k] !== undefined) scratch.push(k);
  const memo = LAST_ORDER.get(ranks);
  if (memo !== undefined && sameKeys(memo.read, scratch)) return memo.sorted;
  const last = ranks.size;
  const read = scratch.slice();
  const sorted = read
    .slice()
    .sort((a, b) => (ranks.get(a) ?? last) - (ranks.get(b) ?? last) || (a < b ? -1 : a > b ? 1 : 0));
  LAST_ORDER.set(ranks, { read, sorted });
  return sorted;
}

/** True when two key lists are the same keys in the same order. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A copy of `text` made without changing `text`. A long sentence is cut to a window around its
 * link (extract/sentences.ts): `…` + a slice of the block's text + `…`, which V8 keeps as a rope
 * of ~100 bytes over the text. Reading a rope (JSON.stringify included) flattens it in place,
 * and the report then holds the flat copy: two-byte because of the `…`, ~800 bytes a window,
 * and 56 MB of the 70,000 windows of a paragraph of orphan `</a>` tags (issue 13), most of the
 * run's peak. Reading a new rope around it flattens only the new one, which dies with its batch.
 */
function flatCopy(text: unknown): unknown {
  return typeof text !== 'string' || text.length < 13 ? text : ` ${text}`.slice(1);
}

// Holders of array items ("blocks[]"), made once per holder rather than once per array.
const ITEM_HOLDERS = new Map<string, string>();
function itemOf(holder: string): string {
  let item = ITEM_HOLDERS.get(holder);
  if (item === undefined) ITEM_HOLDERS.set(holder, (item = `${holder}[]`));
  return item;
}

/**
 * The object a copy is filled into: a plain one, whose fields set in one order share a shape
 * JSON.stringify walks fast; a null prototype only when a "__proto__" key must be a field
 * (`protoKey`, as fromEntries made it).
 */
function emptyFor(protoKey: boolean): Record<string, unknown> {
  return protoKey ? (Object.create(null) as Record<string, unknown>) : {};
}

/** True for an object JSON.stringify reads as its own fields alone (no toJSON of a class). */
function isPlain(object: object): boolean {
  const proto: unknown = Object.getPrototypeOf(object);
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(object, 'toJSON');
}

/** True when the fields of `object` (undefined ones aside) are in canonical order: by rank, then code-unit order. */
function isSorted(object: Record<string, unknown>, ranks: Map<string, number>): boolean {
  const last = ranks.size;
  let before: string | undefined;
  let beforeRank = -1;
  for (const k in object) {
    if (object[k] === undefined) continue;
    const rank = ranks.get(k) ?? last;
    if (before !== undefined && (beforeRank > rank || (beforeRank === rank && before > k))) return false;
    before = k;
    beforeRank = rank;
  }
  return true;
}
