import type { DomNode } from './html-tree.js';

/**
 * Mozilla Readability's patterns and measures, shared by choosing the article body
 * (html-body.ts) and cleaning it (html-clean.ts), kept as they are in Readability.
 */

/** Class or id of page furniture (Readability's unlikelyCandidates). */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
/** …unless it also names content (okMaybeItsACandidate). */
export const MAYBE_CANDIDATE = /and|article|body|column|content|main|mathjax|shadow/i;
/** Class or id weighing for an element (positive). */
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
/** Class or id weighing against an element (negative). */
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/**
 * Class or id token of a modal dialog: Bootstrap's `.modal`, jQuery UI's `.ui-dialog`, a
 * site's own `#dm_dialog` or `.modal-container`. CSS frameworks hide these until a script opens
 * them, so a reader (and a reader mode on the rendered page) never sees them as the article;
 * run on the markup alone, Readability takes a dialog of help text over a short article.
 */
const MODAL_TOKEN = /^(?:modal|modal[-_][\w-]+|[\w-]+[-_]modal|dialog|dialog[-_][\w-]+|[\w-]+[-_]dialog)$/i;

/** ARIA roles of a dialog: what assistive technology, and a reader, treats as apart from the page. */
const DIALOG_ROLES = /^(?:dialog|alertdialog)$/i;

/**
 * True for an element that is a modal dialog: a `<dialog>` (open or not: an open one is a
 * newsletter or consent box over the page, never the story), an ARIA dialog role or
 * `aria-modal="true"`, or a class or id token of one (see MODAL_TOKEN).
 */
export function isModal(el: DomNode): boolean {
  if (el.name === 'dialog') return true;
  const a = el.attribs;
  if (!a) return false;
  if (a.role !== undefined && DIALOG_ROLES.test(a.role.trim())) return true;
  if (a['aria-modal']?.trim().toLowerCase() === 'true') return true;
  if (a.class === undefined && a.id === undefined) return false;
  if (a.id !== undefined && MODAL_TOKEN.test(a.id.trim())) return true;
  if (a.class !== undefined) for (const t of a.class.split(/\s+/)) if (t !== '' && MODAL_TOKEN.test(t)) return true;
  return false;
}

/** The weight of a link's text in link density: a jump within the page (`#x`) 0.3, as in Readability. */
export function linkWeight(a: DomNode): number {
  return /^#./.test(a.attribs?.href?.trim() ?? '') ? 0.3 : 1;
}

/** Readability's class weight: +25 for article-like class/id, −25 for furniture-like ones. */
export function classWeight(el: DomNode): number {
  let weight = 0;
  for (const value of [el.attribs?.class, el.attribs?.id]) {
    if (!value) continue;
    if (NEGATIVE.test(value)) weight -= 25;
    if (POSITIVE.test(value)) weight += 25;
  }
  return weight;
}

/** Non-space characters, commas and words of a text node (see countText). */
export interface TextCount {
  /** Non-space characters. */
  chars: number;
  /** Commas, of any script. */
  commas: number;
  /** Runs of non-space characters. */
  words: number;
}

// One result, reused by every call: a page has tens of thousands of text nodes, and a fresh
// tuple per node (and its destructuring, in code not yet optimised) was most of this file's
// garbage.
const counted: TextCount = { chars: 0, commas: 0, words: 0 };

/**
 * Counts non-space characters, commas and words (runs of non-space characters) of a text node;
 * characters plus words less one is about the length Readability measures, spaces folded. The
 * result is overwritten by the next call: read it at once.
 */
export function countText(data: string): Readonly<TextCount> {
  let chars = 0;
  let commas = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      inWord = false;
      continue;
    }
    if (!inWord) words++;
    inWord = true;
    chars++;
    if (
      c === 44 ||
      c === 0x060c ||
      c === 0xfe50 ||
      c === 0xfe10 ||
      c === 0xfe11 ||
      c === 0x2e41 ||
      c === 0x2e34 ||
      c === 0x2e32 ||
      c === 0xff0c
    )
      commas++;
  }
  counted.chars = chars;
  counted.commas = commas;
  counted.words = words;
  return counted;
}
