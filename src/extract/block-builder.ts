import type { BlockKind, CitationOrigin, DamagedAnchor } from '../types.js';

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
  /** Line of the link itself, in the units of RawBlock.line, when known. */
  line?: number;
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
  damaged: RawDamage[];
  /** Ranges of `text` that are footnote marks (`<sup>1</sup>`): never figures. */
  footnoteMarks: Array<[number, number]>;
  /** Ranges of `text` that are code (`<code>`, backticks): never figures, quotes or attributions. */
  codeRanges?: Array<[number, number]>;
  line?: number;
}

const WS = /\s+/g;
/**
 * Never text: C0/C1 control characters that are not whitespace (a NUL from a damaged export),
 * and invisible format characters a CMS leaves in words (soft hyphen, zero-width space and
 * joiners, word joiner, a BOM mid-text), which would split or disguise words and quotes.
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const LAST_WORD = /(\S+)\s*$/;

/**
 * Accumulates one block's text with whitespace collapsed on the fly, so link offsets are
 * offsets into the final text.
 */
export class BlockBuilder {
  text = '';
  readonly links: RawLink[] = [];
  readonly damaged: RawDamage[] = [];
  readonly footnoteMarks: Array<[number, number]> = [];
  readonly codeRanges: Array<[number, number]> = [];
  /** Depth of <strong>/<b> around the current position. */
  strongDepth = 0;
  /** Some text was bold (for the "bold-only paragraph is a heading" rule). */
  sawStrong = false;
  /** Some non-blank text was not bold. */
  hasPlainText = false;

  constructor(
    public kind: BlockKind,
    public line?: number,
  ) {}

  /**
   * The text ends with a space (or is empty). Tracked rather than read with `endsWith`, which
   * would flatten the concatenated string on every append.
   */
  private atSpace = true;
  /** Some non-blank text was appended. */
  private hasText = false;
  /** The appended pieces of `text`, for textSince. */
  private readonly pieces: string[] = [];

  private add(t: string): void {
    this.pieces.push(t);
    this.text += t;
  }

  /**
   * The text from `start` on, as a fresh string built from the last pieces. Slicing `text` (a
   * growing rope) flattens it and pins that copy of the whole block in every slice kept, so a
   * paragraph of n long anchors cost n copies of itself: quadratic time and memory (issue 13).
   */
  textSince(start: number): string {
    let i = this.pieces.length;
    let at = this.text.length;
    while (i > 0 && at > start) at -= this.pieces[--i].length;
    if (at >= this.text.length) return '';
    return (i === this.pieces.length - 1 ? this.pieces[i] : this.pieces.slice(i).join('')).slice(start - at);
  }

  /** Appends text, collapsing whitespace across chunk boundaries. */
  append(raw: string): void {
    let t = raw;
    // Before collapsing whitespace: \ufeff counts as \s and would split a word in two.
    CONTROL.lastIndex = 0;
    if (CONTROL.test(t)) t = t.replace(CONTROL, '');
    t = t.replace(WS, ' ');
    if (t === '') return;
    if (t === ' ') {
      this.space();
      return;
    }
    if (this.atSpace && t.charCodeAt(0) === 32) t = t.slice(1);
    this.add(t);
    this.hasText = true;
    this.atSpace = t.charCodeAt(t.length - 1) === 32;
    if (this.strongDepth > 0) this.sawStrong = true;
    else this.hasPlainText = true;
  }

  /** A boundary between words (a <br>, a nested block element). */
  space(): void {
    if (!this.atSpace) {
      this.add(' ');
      this.atSpace = true;
    }
  }

  /** The word right before the current position: what an orphan `</a>` most plausibly closed. */
  lastWord(): { word: string; offset: number } {
    const tail = this.textSince(Math.max(0, this.text.length - 200));
    const m = LAST_WORD.exec(tail);
    if (!m) return { word: '', offset: this.text.length };
    let word = m[1].replace(/^[“"‘'([«]+/, '').replace(/[,;:!?”"’')\]»]+$/, '');
    // Keep the dot of an initialism ("U.S."), drop a sentence-ending one.
    if (word.endsWith('.') && !/\.\S/.test(word.slice(0, -1) + ' ')) word = word.replace(/\.+$/, '');
    return { word, offset: this.text.length - tail.length + m.index };
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
    const text = this.text.trimEnd();
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
    return {
      kind,
      text,
      links: this.links,
      damaged: this.damaged,
      footnoteMarks: this.footnoteMarks,
      codeRanges: this.codeRanges,
      line: this.line,
    };
  }
}
