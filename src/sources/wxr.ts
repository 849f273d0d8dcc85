/**
 * WordPress export files (WXR: Tools → Export), read as a stream with a SAX parser.
 *
 * A WXR file is RSS 2.0 with WordPress's own elements: one `<item>` per post, page,
 * attachment, menu item, reusable block…, its comments nested inside it. A post of the export
 * is an item whose `wp:post_type` is `post` or `page` and whose `wp:status` is one asked for
 * (`publish` by default, `--status` for others). Only an item's direct children are its
 * fields: a comment's `wp:comment_content` or a `wp:postmeta` value is never read as the post.
 *
 * Posts are handed out as their `</item>` is read, so a file of hundreds of MB is held one
 * post at a time, and a field of a post longer than `maxInputBytes` is not held at all: it is
 * left out with a warning (its text dropped as it is read), the post and the rest of the
 * export read on. The parser is strict XML; what it finds wrong (a control character, a tag
 * left open, a file cut short) is a repair warning on the post it was found in, and reading
 * goes on — the export of a damaged site is still mostly readable.
 */
import { TextDecoder } from 'node:util';
import { createRequire } from 'node:module';
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import { InputError } from '../errors.js';
import type { InputWarning, Post } from '../types.js';
import { autoParagraphs } from './autop.js';
import { htmlToPlainText } from './html-text.js';
import { emptyBody, fieldTooLarge, isAbsoluteHttpUrl, notAnAbsoluteUrl } from './warnings.js';
import { gmtDate, isBlankHtml } from './wordpress.js';
import { dateField } from './warnings.js';

/** How to read an export. */
export interface WxrOptions {
  /** File path as given (or "-", or a URL): the posts' `source` and the name in errors. */
  source: string;
  /** Statuses to read (`wp:status`); "any" reads every status but trash, auto-draft and inherit. */
  statuses: readonly string[];
  /**
   * Longest field of a post read (--max-input-bytes; default: no cap, for an export read whole,
   * already capped). Measured in characters as written in the export, markup of the field
   * (CDATA markers, its end tag) included: never more than its bytes in UTF-8.
   */
  maxInputBytes?: number;
  /** Told of each post with a field left out for its size (the post's own warning says it too). */
  onWarning?: (message: string) => void;
}

/** Thrown before any post is handed out when the document is XML but not a WordPress export. */
export class NotWxrError extends InputError {}

/** Content types that are posts of the export; attachments, menu items, blocks, templates are not. */
const POST_TYPES = new Set(['post', 'page']);
/** Statuses "any" leaves out, as the REST API does. */
const NOT_ANY = new Set(['trash', 'auto-draft', 'inherit']);
/** Item fields read (direct children of `<item>`). */
const FIELDS = new Set([
  'title',
  'link',
  'guid',
  'content:encoded',
  'wp:post_id',
  'wp:post_date',
  'wp:post_date_gmt',
  'wp:post_modified',
  'wp:post_modified_gmt',
  'wp:status',
  'wp:post_type',
  'wp:post_name',
]);
/** The export namespace WordPress declares (`http://wordpress.org/export/1.2/`, 1.0 and 1.1 before it). */
const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d/;
/** Parser errors kept per post; more are counted, not listed (one bad byte can repeat 10,000 times). */
const MAX_ERRORS = 3;
/** Characters handed to the parser at a time: what it may hold of a field past the cap. */
const SLICE_CHARS = 64 * 1024;

/** True when the start of a document is a WordPress export (for sniffing stdin and URLs). */
export function looksLikeWxr(head: string): boolean {
  return /<rss[\s>]/.test(head) && /xmlns:wp\s*=\s*["']https?:\/\/wordpress\.org\/export\//.test(head);
}

/** One item being read: its fields so far, and what went wrong inside it. */
interface ItemState {
  fields: Map<string, string>;
  contentLine?: number;
  errors: InputWarning[];
  moreErrors: number;
  /** Fields left out for their size, with the line each starts on. */
  tooLarge: { name: string; line: number }[];
}

/** The field of an item being read. */
interface FieldState {
  name: string;
  /** Its text so far (nothing once it is over the cap). */
  parts: string[];
  /** Characters of the document before its text (just past its start tag), and the line it is on. */
  start: number;
  line: number;
  /** The item's error counts when it opened: a field over the cap takes back those found in it. */
  errorsBefore: number;
  moreErrorsBefore: number;
  tooLarge: boolean;
}

// saxes is loaded when an export is read, not at start-up (most runs read no XML); its
// CommonJS entry, so the load stays synchronous.
const require = createRequire(import.meta.url);

function newXmlParser(): SaxesParser<{ xmlns: false; position: true }> {
  const { SaxesParser: Parser } = require('saxes') as typeof import('saxes');
  return new Parser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
}

// saxes's states in which its pending `text` is character data, a CDATA section or a comment
// (saxes.js, S_TEXT … S_CDATA_ENDING_2); in the others (an attribute value, a processing
// instruction, the XML declaration) it holds markup that must not be dropped.
const S_TEXT = 13;
const TEXT_STATES = new Set([S_TEXT, 17, 18, 19, 20, 21, 22]);

/**
 * Drops the text the parser holds for the event it has not yet sent. saxes sends a CDATA
 * section (WordPress writes a post's content as one) only at its `]]>`, a text run only at the
 * next tag and a comment only at its `-->`, holding all of it until then: without this, a
 * field of 99 MB is held whole before it can be dropped. saxes has no public way to do it, so
 * this reaches its `text` and `state` fields, and fails loudly (the over-cap tests) if a later
 * saxes keeps them elsewhere. Outside text, what is held (an attribute value) is left for the
 * next slice.
 */
function dropPendingText(parser: SaxesParser<{ xmlns: false; position: true }>): void {
  const internals = parser as unknown as { text?: unknown; state?: unknown };
  if (typeof internals.text !== 'string' || typeof internals.state !== 'number')
    throw new Error('saxes keeps no pending text in `text` or no `state`: see dropPendingText');
  if (TEXT_STATES.has(internals.state)) internals.text = '';
}
/**
 * A push reader: `write` text chunks, get back the posts whose item ended in them; `end` when
 * the input is done. Throws NotWxrError as soon as the document shows it is not an export.
 */
class WxrReader {
  private readonly parser = newXmlParser();
  private readonly options: WxrOptions;
  private readonly ready: Post[] = [];
  /** Open elements, outermost first. */
  private readonly stack: string[] = [];
  private isWxr = false;
  private sawRoot = false;
  private item: ItemState | undefined;
  /** The field of the current item being read, and its text so far. */
  private field: FieldState | undefined;
  private readonly maxFieldChars: number;
  /** Characters handed to the parser (its `position` is right only inside its event handlers). */
  private fed = 0;
  /** Errors found outside any item: they concern every post read after them. */
  private readonly documentErrors: InputWarning[] = [];
  private ended = false;
  /** Posts read (whatever their type or status) and posts handed out. */
  readonly counts = { items: 0, posts: 0 };

  constructor(options: WxrOptions) {
    this.options = options;
    this.maxFieldChars = options.maxInputBytes ?? Infinity;
    const p = this.parser;
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', (tag) => this.close(tag.name));
    p.on('text', (text) => this.keep(text));
    p.on('cdata', (text) => this.keep(text));
    p.on('error', (error) => this.recordError(error.message));
  }

  /** Feeds a chunk of the document; returns the posts completed in it. */
  write(chunk: string): Post[] {
    // In slices, so a field is seen to pass the cap within a slice of it, however large the chunk.
    for (let at = 0; at < chunk.length; at += SLICE_CHARS) {
      const slice = chunk.slice(at, at + SLICE_CHARS);
      this.parser.write(slice);
      this.fed += slice.length;
      const field = this.field;
      // Still open, so its end tag ends past what was fed: it is over the cap at its end too.
      if (field && !field.tooLarge && this.fed - field.start > this.maxFieldChars) this.leaveOut(field);
      // Text that is not kept (a field over the cap, a comment's body, a postmeta value) is
      // dropped as it is read, not held by the parser until its element ends.
      if (!field || field.tooLarge) dropPendingText(this.parser);
    }
    return this.take();
  }

  private keep(text: string): void {
    if (this.field && !this.field.tooLarge) this.field.parts.push(text);
  }

  /**
   * A field over the cap: its text so far is dropped and the rest is not kept, nor the parser
   * errors found in it (what they said is moot, and where the cap was seen depends on chunks).
   */
  private leaveOut(field: FieldState): void {
    field.tooLarge = true;
    field.parts = [];
    if (this.item) {
      this.item.errors.length = field.errorsBefore;
      this.item.moreErrors = field.moreErrorsBefore;
    }
  }

  /** Ends the current field: its text is one of the item's fields, or it is left out for its size. */
  private endField(field: FieldState, item: ItemState): void {
    this.field = undefined;
    // Measured to the end of its end tag (the parser's position, in its closetag handler).
    if (!field.tooLarge && this.parser.position - field.start > this.maxFieldChars) this.leaveOut(field);
    if (field.tooLarge) item.tooLarge.push({ name: field.name, line: field.line });
    else item.fields.set(field.name, field.parts.join(''));
  }

  /** Ends the document; returns the last posts. Throws NotWxrError for XML that is not an export. */
  end(): Post[] {
    this.ended = true;
    // The last line read, taken before close(): saxes resets its position when it closes.
    const lastLine = this.parser.line;
    this.parser.close();
    if (this.item) {
      // A file cut short inside an item: what was read of the post is still a post, the
      // field it was cut in included (the parser hands its text over when closed).
      if (this.field) this.endField(this.field, this.item);
      this.item.errors.push(this.warning('the export ends inside an item (the file is cut short)', lastLine));
      this.finishItem(true);
    }
    if (!this.sawRoot) throw new NotWxrError(`${this.options.source}: not a WordPress export (no XML element found)`);
    if (!this.isWxr) throw this.notWxr();
    return this.take();
  }

  private take(): Post[] {
    return this.ready.splice(0, this.ready.length);
  }

  private notWxr(root = this.stack[0] ?? 'rss'): NotWxrError {
    const what = root === 'rss' ? 'an RSS feed without WordPress export elements' : `an XML document <${root}>`;
    return new NotWxrError(`${this.options.source}: not a WordPress export (WXR): ${what}`);
  }

  private open(tag: SaxesTagPlain): void {
    const { name } = tag;
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name !== 'rss') throw this.notWxr(name);
      const ns = tag.attributes['xmlns:wp'];
      if (typeof ns === 'string' && WXR_NAMESPACE.test(ns)) this.isWxr = true;
    }
    this.stack.push(name);
    const depth = this.stack.length;
    if (name === 'wp:wxr_version' && depth === 3) this.isWxr = true;
    if (name === 'item' && depth === 3 && !this.item) {
      // WordPress writes the channel's wp: elements before the first item.
      if (!this.isWxr) throw this.notWxr();
      this.item = { fields: new Map(), errors: [], moreErrors: 0, tooLarge: [] };
      this.counts.items += 1;
      return;
    }
    if (this.item && depth === 4 && FIELDS.has(name)) {
      const { line, position } = this.parser;
      this.field = {
        name,
        parts: [],
        start: position,
        line,
        errorsBefore: this.item.errors.length,
        moreErrorsBefore: this.item.moreErrors,
        tooLarge: false,
      };
      if (name === 'content:encoded') this.item.contentLine = line;
    }
  }

  private close(name: string): void {
    const depth = this.stack.length;
    this.stack.pop();
    if (this.field && this.item && depth === 4) this.endField(this.field, this.item);
    if (name === 'item' && depth === 3 && this.item) this.finishItem();
  }

  private warning(repair: string, line = this.parser.line, column?: number): InputWarning {
    return { code: 'INPUT_REPAIRED', repair, where: `line ${line}${column ? `, column ${column}` : ''}`, line };
  }

  private recordError(message: string): void {
    // saxes prefixes "line:column: " (it is given no file name): the position goes in `where`.
    const at = /^(\d+):(\d+):\s*/.exec(message);
    const text = `not well-formed XML: ${message.slice(at?.[0].length ?? 0).replace(/\.$/, '')}`;
    const warning = () => this.warning(text, at ? Number(at[1]) : undefined, at ? Number(at[2]) : undefined);
    // An unclosed item at the end is said once, by end().
    if (this.ended && this.item) return;
    const target = this.item;
    if (this.field?.tooLarge) return;
    if (!target) {
      if (this.documentErrors.length < MAX_ERRORS) this.documentErrors.push(warning());
      return;
    }
    if (target.errors.length < MAX_ERRORS) target.errors.push(warning());
    else target.moreErrors += 1;
  }

  private finishItem(truncated = false): void {
    const item = this.item;
    this.item = undefined;
    this.field = undefined;
    if (!item) return;
    const f = (key: string): string => (item.fields.get(key) ?? '').trim();
    // WordPress writes an item's type and status after its content: a file cut inside an
    // item lost them, and what was read of it is kept (with its warning) rather than dropped.
    const type = f('wp:post_type') || (truncated ? 'post' : '');
    if (!POST_TYPES.has(type)) return;
    const status = f('wp:status') || (truncated ? '' : 'publish');
    const { statuses } = this.options;
    if (status && !(statuses.includes(status) || (statuses.includes('any') && !NOT_ANY.has(status)))) return;
    if (item.moreErrors > 0) {
      const last = item.errors.at(-1);
      if (last) last.repair += ` (and ${item.moreErrors} more)`;
    }
    const post = this.toPost(item, f, [...this.documentErrors, ...item.errors]);
    this.ready.push(post);
    this.counts.posts += 1;
    for (const { name, line } of item.tooLarge) {
      const warning = { ...fieldTooLarge(name, this.maxFieldChars), where: `line ${line}`, line };
      post.warnings.push(warning);
      this.options.onWarning?.(`${this.options.source}: ${exportPostName(post)}: ${warning.repair}`);
    }
  }

  /** A post from an item's fields, with the same metadata rules as a REST API post. */
  private toPost(item: ItemState, f: (key: string) => string, warnings: InputWarning[]): Post {
    const content = item.fields.get('content:encoded') ?? '';
    const post: Post = {
      source: this.options.source,
      kind: 'wordpress',
      body: autoParagraphs(content),
      bodyFormat: 'html',
      warnings,
    };
    if (item.contentLine !== undefined) post.bodyLine = item.contentLine;
    const id = f('wp:post_id');
    if (/^\d+$/.test(id)) post.id = Number(id);
    if (f('wp:post_name')) post.slug = f('wp:post_name');
    const title = htmlToPlainText(f('title'));
    if (title) post.title = title;
    const link = f('link');
    if (link && isAbsoluteHttpUrl(link)) {
      post.url = link;
      post.baseUrl = link;
    } else {
      if (link) warnings.push(notAnAbsoluteUrl('link', link));
      const guid = f('guid');
      if (guid && isAbsoluteHttpUrl(guid)) post.baseUrl = guid;
    }
    // WXR writes "2024-05-01 23:00:46": the REST API's form with a space for the "T".
    const iso = (key: string): string | undefined => f(key).replace(' ', 'T') || undefined;
    const published =
      gmtDate('wp:post_date_gmt', iso('wp:post_date_gmt'), warnings, {}) ??
      dateField('wp:post_date', iso('wp:post_date'), warnings);
    if (published) post.published = published;
    const modified =
      gmtDate('wp:post_modified_gmt', iso('wp:post_modified_gmt'), warnings, {}) ??
      dateField('wp:post_modified', iso('wp:post_modified'), warnings);
    if (modified) post.modified = modified;
    // A content left out for its size is said so by its own warning, not as an empty post.
    if (isBlankHtml(post.body) && !item.tooLarge.some((t) => t.name === 'content:encoded'))
      warnings.push({ ...emptyBody('content:encoded'), line: item.contentLine });
    return post;
  }
}

/** A post of an export as a warning line names it: its id, title and link, as far as known. */
function exportPostName(post: Post): string {
  const title =
    post.title === undefined ? '' : ` "${post.title.length > 80 ? `${post.title.slice(0, 79)}…` : post.title}"`;
  const link = post.url === undefined ? '' : ` (${post.url})`;
  return `post${post.id === undefined ? '' : ` ${post.id}`}${title}${link}`;
}

/** The charset an XML declaration names at the start of a document, lower-cased, or utf-8. */
// Bytes of a stream's start read for its XML declaration (a BOM and `<?xml … encoding="…"?>`).
const DECLARATION_BYTES = 200;

function declaredEncoding(head: Uint8Array): string {
  const text = Buffer.from(head.subarray(0, DECLARATION_BYTES)).toString('latin1');
  return /^(?:\xEF\xBB\xBF)?<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(text)?.[1]?.toLowerCase() ?? 'utf-8';
}

/** A text decoder for an XML declaration's charset; unknown ones are read as UTF-8. */
function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/**
 * Reads an export from a byte stream, one post at a time (in the order of the file). Throws
 * NotWxrError before the first post when the document is not an export.
 */
export async function* readWxr(chunks: AsyncIterable<Uint8Array>, options: WxrOptions): AsyncGenerator<Post> {
  const reader = new WxrReader(options);
  let decoder: TextDecoder | undefined;
  // The declaration's encoding is read from the first DECLARATION_BYTES, however the stream is cut.
  let head: Uint8Array[] = [];
  let headBytes = 0;
  const begin = (): string => {
    const start = Buffer.concat(head);
    head = [];
    decoder = decoderFor(declaredEncoding(start));
    return decoder.decode(start, { stream: true });
  };
  for await (const chunk of chunks) {
    if (decoder) yield* reader.write(decoder.decode(chunk, { stream: true }));
    else {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= DECLARATION_BYTES) yield* reader.write(begin());
    }
  }
  if (!decoder && headBytes > 0) yield* reader.write(begin());
  if (decoder) yield* reader.write(decoder.decode());
  yield* reader.end();
}

/** Reads a whole export held in memory (standard input, a fetched URL). */
export function parseWxr(text: string, options: WxrOptions): Post[] {
  const reader = new WxrReader(options);
  const posts = reader.write(text.replace(/^\uFEFF/, ''));
  posts.push(...reader.end());
  return posts;
}
