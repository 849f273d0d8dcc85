import {
  MAX_LISTED_PER_BLOCK,
  type BlockKind,
  type CitationOrigin,
  type CitationRole,
  type DamagedAnchor,
} from '../types.js';
import { isSpaceCode } from '../sources/space-code.js';
import { sliceWhole } from '../sources/text-slice.js';

/** A link found while building a block, before normalisation. */
export interface RawLink {
  /** The href (or cite/src) as written. */
  href: string;
  /** Offset of the link text in the block text. */
  start: number;
  /** End offset of the link text. */
  end: number;
  /** Link text (alt text for images). */
  anchorText: string;
  /** `rel` tokens, lower case. */
  rel: string[];
  /** Element the link came from. */
  origin: CitationOrigin;
  /** Why the link is invalid before its URL is even read (a Markdown link no renderer shows). */
  invalid?: string;
  /** Why the link is not a source, when the markup says (link-roles.ts). */
  role?: CitationRole;
  /** Line of the link itself, in the units of RawBlock.line, when known. */
  line?: number;
  /** The archived copy the markup gives for this link (Robust Links `data-versionurl`), as written. */
  versionUrl?: string;
}

/** A damaged anchor found while building a block, before its sentence is known. */
export interface RawDamage {
  /** Surviving anchor text. */
  anchorText: string;
  /** Offset in the block text, for the sentence. */
  offset: number;
  /** What is wrong. */
  reason: DamagedAnchor['reason'];
  /** Line of the anchor itself, in the units of RawBlock.line, when known. */
  line?: number;
}

/** A finished block before links are normalised. */
export interface RawBlock {
  kind: BlockKind;
  text: string;
  links: RawLink[];
  /** The first MAX_LISTED_PER_BLOCK damaged anchors. */
  damaged: RawDamage[];
  /** How many more anchors of the block are damaged (not kept: see BlockBuilder.addDamage). */
  damagedOmitted?: number;
  /** Ranges of `text` that are footnote marks (`<sup>1</sup>`): never figures. */
  footnoteMarks: Array<[number, number]>;
  /** Ranges of `text` that are code (`<code>`, backticks): never figures, quotes or attributions. */
  codeRanges?: Array<[number, number]>;
  line?: number;
  /** The notes the block's footnote marks point to, by id. */
  marks: string[];
  /** The id of the footnote this block is (part of). */
  note?: string;
  /** A standalone `<cite>`: an attribution line. */
  attribution?: boolean;
  /** A `<figcaption>` under other blocks of its figure (the caption of a quote, say). */
  caption?: boolean;
  /** Its number, for an item of an ordered list. */
  listNumber?: number;
  /** It holds an inline quotation (`<q>`). */
  hasQuote?: boolean;
}

/**
 * What the claim analysis reads of a block's walk besides its text and kind (which the block
 * holds): its marks and code, and the hints of its kind (a standalone `<cite>`, a caption, a
 * list number, a `<q>`).
 */
export type ClaimHints = Pick<
  RawBlock,
  'footnoteMarks' | 'codeRanges' | 'marks' | 'note' | 'attribution' | 'caption' | 'listNumber' | 'hasQuote'
>;

/**
 * The empty list every list of a builder starts as, shared (and so frozen: a push to it would
 * change every block's). A block keeps it when it found nothing of that kind.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Quotation marks and brackets lastWord strips from the start of a word… */
const LEADING_MARKS = '“"‘\'([«';
/** …and punctuation it strips from the end. */
const TRAILING_MARKS = ',;:!?”"’\')]»';
/** A character class of `marks` (only `]` and `\` need escaping there). */
const classOf = (marks: string): string => `[${marks.replace(/[\]\\]/g, '\\$&')}]`;
const LEADING_RUN = new RegExp(`^${classOf(LEADING_MARKS)}+`);
const TRAILING_RUN = new RegExp(`${classOf(TRAILING_MARKS)}+$`);

/** Characters from the end within which partAt steps back from the last part first… */
const NEAR_END = 256;
/** …for at most this many parts, before it searches. */
const NEAR_STEPS = 16;

const WS = /\s+/g;
/** True when `t` holds whitespace other than single spaces (a loop: faster here than a regex). */
function needsCollapse(t: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else {
      // Tab to carriage return, NBSP, and the other Unicode spaces \s matches.
      if (isSpaceCode(c)) return true;
      prevSpace = false;
    }
  }
  return false;
}
/**
 * Never text: C0/C1 control characters that are not whitespace (a NUL from a damaged export),
 * and invisible format characters a CMS leaves in words (soft hyphen, zero-width space, word
 * joiner, a BOM mid-text), which would split or disguise words and quotes. The zero-width
 * non-joiner and joiner (U+200C, U+200D) are letters' own: they spell Persian and Indic words
 * and join emoji (👩‍💻); only between two Latin letters, where they mean nothing, are they dropped.
 */
const CONTROL =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]|(?<=[A-Za-z])[\u200c\u200d]+(?=[A-Za-z])/g;

/**
 * Accumulates one block's text with whitespace collapsed on the fly, so link offsets are
 * offsets into the final text. The text is kept as indexed parts and joined once in finish():
 * reading a growing concatenated string (a slice, a character) flattens it, and doing that once
 * per link made a paragraph of 30,000 links quadratic.
 */
export class BlockBuilder {
  /** Length of the text so far. */
  length = 0;
  // Every list of a builder starts as the shared empty one and gets its own with its first item:
  // most blocks hold one text and nothing else, and seven arrays and a set per block (two of them
  // grown by push() to room for 17 items) were ~600 bytes of garbage a paragraph, the most
  // allocated of extracting a page of 100,000 short paragraphs.
  private parts: string[] = NONE;
  /** Offset of each part in the text. */
  private starts: number[] = NONE;
  /** Links found, in order. */
  links: RawLink[] = NONE;
  /** Damaged anchors found, in order, the first MAX_LISTED_PER_BLOCK of them. */
  damaged: RawDamage[] = NONE;
  /** Damaged anchors found past those. */
  private damagedOmitted = 0;
  /** Ranges of the text that are footnote marks. */
  footnoteMarks: Array<[number, number]> = NONE;
  /** Ranges of the text that are code. */
  codeRanges: Array<[number, number]> = NONE;
  /** Depth of <strong>/<b> around the current position. */
  strongDepth = 0;
  /** Some text was bold (for the "bold-only paragraph is a heading" rule). */
  sawStrong = false;
  /** Some non-blank text was not bold. */
  hasPlainText = false;
  /** Some non-blank text was appended. */
  private hasText = false;
  /** Ids of the notes the block's footnote marks point to. */
  marks: string[] = NONE;
  /** Characters of the text inside `<cite>` elements (then the block may be an attribution). */
  citeChars = 0;
  /** See RawBlock. */
  caption = false;
  hasQuote = false;

  constructor(
    public kind: BlockKind,
    public line?: number,
  ) {}

  /** The text ends with a space (or is empty). */
  private atSpace = true;

  private push(t: string): void {
    if (this.parts === NONE) {
      this.parts = [t];
      this.starts = [this.length];
    } else {
      this.parts.push(t);
      this.starts.push(this.length);
    }
    this.length += t.length;
  }

  /** The marks as a set, once there are enough for a search of the list to cost (a hostile block of 10,000). */
  private markSet: Set<string> | undefined;

  /** Records a footnote mark pointing to note `id` (once per note). */
  addMark(id: string): void {
    if (this.marks === NONE) {
      this.marks = [id];
      return;
    }
    if (this.markSet === undefined && this.marks.length >= 16) this.markSet = new Set(this.marks);
    if (this.markSet ? this.markSet.has(id) : this.marks.includes(id)) return;
    this.marks.push(id);
    this.markSet?.add(id);
  }

  /** Records a link. */
  addLink(link: RawLink): void {
    if (this.links === NONE) this.links = [link];
    else this.links.push(link);
  }

  /**
   * Records a damaged anchor; past MAX_LISTED_PER_BLOCK, only counts it. The report lists that
   * many findings of a code a block, and a paragraph of 70,000 orphan `</a>` kept an object per
   * anchor to the end of the run (and ~400 bytes of JSON each, its sentence included).
   */
  addDamage(damage: RawDamage): void {
    if (this.damaged.length >= MAX_LISTED_PER_BLOCK) this.damagedOmitted++;
    else if (this.damaged === NONE) this.damaged = [damage];
    else this.damaged.push(damage);
  }

  /** Counts `n` damaged anchors past the listed ones (prepare-html.ts marks them so: ORPHAN_COUNT). */
  omitDamage(n: number): void {
    this.damagedOmitted += n;
  }

  /** Records that the text from `start` to the current end is a footnote mark. */
  addFootnoteMark(start: number): void {
    const range: [number, number] = [start, this.length];
    if (this.footnoteMarks === NONE) this.footnoteMarks = [range];
    else this.footnoteMarks.push(range);
  }

  /** Records that the text from `start` to the current end is code. */
  addCodeRange(start: number): void {
    const range: [number, number] = [start, this.length];
    if (this.codeRanges === NONE) this.codeRanges = [range];
    else this.codeRanges.push(range);
  }

  /** Appends text, collapsing whitespace across chunk boundaries. */
  append(raw: string): void {
    let t = raw;
    // Before collapsing whitespace: \ufeff counts as \s and would split a word in two.
    CONTROL.lastIndex = 0;
    if (CONTROL.test(t)) t = t.replace(CONTROL, '');
    // Most text needs no collapsing: test before replacing (a replace allocates every time).
    if (needsCollapse(t)) t = t.replace(WS, ' ');
    if (t === '') return;
    if (t === ' ') {
      this.space();
      return;
    }
    if (this.atSpace && t.charCodeAt(0) === 32) t = t.slice(1);
    this.push(t);
    this.atSpace = t.charCodeAt(t.length - 1) === 32;
    this.hasText = true;
    if (this.strongDepth > 0) this.sawStrong = true;
    else this.hasPlainText = true;
  }

  /** A boundary between words (a <br>, a nested block element). */
  space(): void {
    if (!this.atSpace) {
      this.push(' ');
      this.atSpace = true;
    }
  }

  /** Index of the part holding offset `at` (the last part when `at` is the end). */
  private partAt(at: number): number {
    // Near the end (lastWord's, after every orphan `</a>`), a step back or two finds it: the
    // same part as the search below (the last one starting at or before `at`).
    if (at >= this.length - NEAR_END) {
      const stop = Math.max(0, this.parts.length - 1 - NEAR_STEPS);
      for (let k = this.parts.length - 1; k >= stop; k--) if (k === 0 || this.starts[k] <= at) return k;
    }
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text from `start` on, at most `max` characters of it. */
  textFrom(start: number, max = Infinity): string {
    if (start >= this.length) return '';
    let k = this.partAt(start);
    let out = this.parts[k].slice(start - this.starts[k]);
    for (k++; k < this.parts.length && out.length < max; k++) out += this.parts[k];
    return out.length > max ? sliceWhole(out, max) : out;
  }

  /** The character before offset `at` ('' at the start). */
  charBefore(at: number): string {
    if (at <= 0 || at > this.length) return '';
    const k = this.partAt(at - 1);
    return this.parts[k].charAt(at - 1 - this.starts[k]);
  }

  /** The word right before the current position: what an orphan `</a>` most plausibly closed. */
  lastWord(): { word: string; offset: number } {
    // Scanned back from the end, at most 200 characters: bounded per orphan tag (a regex over
    // the tail cost more than the rest of extraction on a paragraph of 90,000 orphan tags).
    let end = this.length;
    let at = this.length;
    for (let k = this.parts.length - 1; k >= 0 && this.length - at < 200; k--) {
      const part = this.parts[k];
      let i = part.length;
      while (i > 0 && this.length - at < 200) {
        const space = part.charCodeAt(i - 1) === 32;
        if (space && at === end) end = at - 1;
        else if (space) break;
        i--;
        at--;
      }
      if (i > 0) break;
    }
    if (at === end) return { word: '', offset: this.length };
    let word = this.textFrom(at, end - at);
    // Most words have neither: a look at the first and last character, no regex run.
    if (word !== '' && LEADING_MARKS.includes(word[0])) word = word.replace(LEADING_RUN, '');
    if (word !== '' && TRAILING_MARKS.includes(word[word.length - 1])) word = word.replace(TRAILING_RUN, '');
    // Keep the dot of an initialism ("U.S."), drop a sentence-ending one.
    if (word.endsWith('.') && !/\.\S/.test(word.slice(0, -1) + ' ')) word = word.replace(/\.+$/, '');
    return { word, offset: at };
  }

  /** An orphan `</strong>`: everything so far in this block was bold. */
  strongEnded(): void {
    if (this.hasText) {
      this.sawStrong = true;
      this.hasPlainText = false;
    }
  }

  /** The block, or undefined when it holds nothing. */
  finish(): RawBlock | undefined {
    const text = detach(this.parts.join('').trimEnd());
    if (text === '' && this.links.length === 0 && this.damaged.length === 0) return undefined;
    let kind = this.kind;
    // A paragraph that is only a short bold phrase ("Why It Matters") is a heading in disguise.
    if (
      kind === 'paragraph' &&
      this.sawStrong &&
      !this.hasPlainText &&
      text.length <= 100 &&
      text.split(' ').length <= 12 &&
      !/[.!?]["”’]?$/.test(text)
    ) {
      kind = 'heading';
    }
    // Index loops: for…of, unoptimised, costs an iterator per block even when the list is empty.
    for (let i = 0; i < this.links.length; i++) {
      const link = this.links[i];
      link.href = detach(link.href);
      link.anchorText = detach(link.anchorText);
    }
    for (let i = 0; i < this.damaged.length; i++) this.damaged[i].anchorText = detach(this.damaged[i].anchorText);
    const block: RawBlock = {
      kind,
      text,
      links: this.links,
      damaged: this.damaged,
      footnoteMarks: this.footnoteMarks,
      line: this.line,
      marks: this.marks,
    };
    if (this.codeRanges !== NONE) block.codeRanges = this.codeRanges;
    if (this.damagedOmitted > 0) block.damagedOmitted = this.damagedOmitted;
    if (this.citeChars > 0 && this.citeChars >= 0.6 * text.length) block.attribution = true;
    if (this.caption) block.caption = true;
    if (this.hasQuote) block.hasQuote = true;
    return block;
  }
}

/**
 * `text` as a string of its own. The parser's text and attribute values are slices of the HTML
 * it read, and V8 keeps the whole HTML alive for as long as a slice of it lives: the report's
 * texts, hrefs and anchor texts held every rendered section of a long Markdown file (two-byte,
 * with a line attribute on every block: ~4× the input) until the run ended. A slice of a
 * two-byte string is two-byte even when every character it holds fits in one: one curly quote
 * in a Markdown file made every text, href and anchor of it two bytes a character (~3 MB of
 * the ~25 MB a 2 MB post's blocks held). Such a text is copied through Latin-1, which V8 keeps
 * one byte a character, flat (no 32-byte slice over a copy); a text that needs two bytes is
 * copied by concatenating a pair that slicing flattens. V8 copies strings shorter than 13
 * characters anyway.
 */
function detach(text: string): string {
  if (text.length < 13) return text;
  return WIDE.test(text) ? ` ${text}`.slice(1) : Buffer.from(text, 'latin1').toString('latin1');
}

/** A character past Latin-1: the text needs two bytes a character. */
const WIDE = /[^\u0000-\u00ff]/;
