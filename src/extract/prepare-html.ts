/**
 * A raw tag scan before parsing. HTML parsers silently repair markup: parse5 drops an orphan
 * `</a>` and an orphan `</li>`, which erases exactly what we need to see in damaged exports
 * (the seed lost every `<a href>` and `<p>` but kept their closing tags). So we find orphan
 * closing tags on the raw text and replace them with marker elements the parser keeps.
 */
import { scanTags } from '../sources/scan-tags.js';
import { isSpaceCode } from '../sources/space-code.js';
import { MAX_LISTED_PER_BLOCK } from '../types.js';

// The markers' names are short: the parser reads each one twice (`<x></x>`), and a paragraph of
// 70,000 orphan `</a>` marked as `x-cc-orphan-a` was four times the input to parse (~25% of
// its parse). Custom element names (a hyphen), so no HTML element is one.

/** Marker for an `</a>` with no opening tag: the link's URL was lost. */
export const ORPHAN_A = 'x-cc-oa';
/**
 * Attribute of an ORPHAN_A marker that stands for this many orphan `</a>` (the ones past the
 * first MAX_LISTED_PER_BLOCK of a run with no other tag between, so all in one block): the
 * block lists that many damaged anchors and counts the rest, which need no element each.
 */
export const ORPHAN_COUNT = 'n';
/** Marker for an orphan closing block tag (`</p>`, `</li>`, …): a block ended here. */
export const BLOCK_BREAK = 'x-cc-bb';
/** Marker for an orphan `</strong>`/`</b>`: the text before it in the block was bold. */
export const STRONG_END = 'x-cc-se';
/**
 * Attribute of an `<a>` reopened after the block that closed it (below): the link the writer
 * wrote is the one before, and what this copy wraps is no link around blocks (walk-blocks.ts).
 */
export const REOPENED_A = 'x-cc-reopened';

/** Closing tags whose orphans end a block. */
const TRACKED_BLOCKS = new Set([
  'p',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
]);

/** Elements whose start tag implicitly closes an open `<p>` (HTML §13.2.6.4.7). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'li',
  'dd',
  'dt',
]);

/** Marker element source. */
function marker(name: string): string {
  return `<${name}></${name}>`;
}

// The markers, written once (a tag's callback made a closure and a marker string per tag).
const ORPHAN_A_MARKER = marker(ORPHAN_A);
const STRONG_END_MARKER = marker(STRONG_END);
const BLOCK_BREAK_MARKER = marker(BLOCK_BREAK);

/** Whether `html[from, to)` holds no text: only whitespace, tags and comments (linear). */
function onlyMarkup(html: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    if (html[i] === '<') {
      const comment = html.startsWith('<!--', i);
      const end = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 1);
      if (end === -1 || end >= to) return false;
      i = end + (comment ? 3 : 1);
    } else if (isSpaceCode(html.charCodeAt(i))) i++;
    else return false;
  }
  return true;
}

/** Returns `html` with orphan closing tags replaced by markers (the same string when none). */
export function markOrphanTags(html: string): string {
  if (!html.includes('<')) return html;
  const open: Record<string, number> = {};
  let aOpen = false;
  /** The start tag of the open <a>, to reopen it in the next paragraph. */
  let aTag = '';
  let strongDepth = 0;
  /** Where the last `</a>` ended: a second one right after it closes nothing new. */
  let lastAClose = -1;
  /** Orphan `</a>` marked since the last other tag, and those past MAX_LISTED_PER_BLOCK not marked yet. */
  let orphans = 0;
  let unmarked = 0;
  let out = '';
  let last = 0;
  scanTags(html, (tag) => {
    const name = tag.name;
    const closing = tag.closing;
    let replacement: string | undefined;
    const orphanRun = orphans;
    orphans = 0;
    if (name === 'a') {
      // An <a> inside an open <a> closes it first (HTML's adoption agency); htmlparser2 would
      // nest them instead, giving the outer link the inner link's words and everything after.
      if (!closing && aOpen) replacement = `</a>${html.slice(tag.index, tag.end)}`;
      else if (!closing) aOpen = true;
      else if (aOpen) aOpen = false;
      // `real</a></a>`: a doubled closing tag is a typo, not a second lost link; only a
      // `</a>` after words of its own marks a lost one. Tags and comments between are no words:
      // `<a href><div><a href><img></a></div></a>` (a linked box around a linked image, whose
      // outer link the inner <a> closed) loses nothing.
      else if (lastAClose >= 0 && onlyMarkup(html, lastAClose, tag.index)) {
        replacement = '';
        orphans = orphanRun;
      } else {
        orphans = orphanRun + 1;
        if (orphanRun < MAX_LISTED_PER_BLOCK) replacement = ORPHAN_A_MARKER;
        else {
          // Past the block's listed ones: counted in one marker where the run ends, not an
          // element each (a paragraph of 3.3 million, 30 MB, made 6.6 million nodes, ~660 MB).
          unmarked++;
          replacement = '';
        }
      }
      if (!closing) aTag = html.slice(tag.index, tag.end);
      else lastAClose = tag.end;
    } else if (aOpen && !closing && CLOSES_P.has(name) && (open.p ?? 0) > 0) {
      // `<p>… <a href>words <p>more</a>`: the new block closes the paragraph and the browser
      // reopens the link inside it. htmlparser2 would nest the <p> inside the <a> instead, and
      // the link would vanish from both blocks. So we close and reopen it the browser's way.
      open.p = 0;
      if (TRACKED_BLOCKS.has(name)) open[name] = (open[name] ?? 0) + 1;
      replacement = `</a>${html.slice(tag.index, tag.end)}${aTag.replace(/^<a/i, `<a ${REOPENED_A}`)}`;
    } else if (name === 'strong' || name === 'b') {
      if (!closing) strongDepth++;
      else if (strongDepth > 0) strongDepth--;
      else replacement = STRONG_END_MARKER;
    } else if (TRACKED_BLOCKS.has(name)) {
      if (!closing) {
        if (CLOSES_P.has(name)) open.p = 0;
        open[name] = (open[name] ?? 0) + 1;
      } else if ((open[name] ?? 0) > 0) open[name]--;
      else replacement = BLOCK_BREAK_MARKER;
    } else if (!closing && CLOSES_P.has(name)) open.p = 0;
    if (unmarked > 0 && orphans === 0) {
      // The run ended at this tag: its count goes before it, inside the same block.
      out += `${html.slice(last, tag.index)}${countMarker(unmarked)}`;
      last = tag.index;
      unmarked = 0;
    }
    if (replacement !== undefined) {
      out += html.slice(last, tag.index) + replacement;
      last = tag.end;
    }
  });
  if (unmarked > 0) return `${out}${html.slice(last)}${countMarker(unmarked)}`;
  return last === 0 ? html : out + html.slice(last);
}

/** The marker of `n` orphan `</a>` past a block's listed ones. */
function countMarker(n: number): string {
  return `<${ORPHAN_A} ${ORPHAN_COUNT}="${n}"></${ORPHAN_A}>`;
}
