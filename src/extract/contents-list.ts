import type { DomNode } from './dom.js';

/**
 * A table of contents written as a plain list: `<ul><li><a href="#rain">1. More rain</a></li>…`,
 * every item nothing but jumps within the page (numbering and punctuation aside). It is the
 * page's navigation, as a `<nav>` or `role="navigation"` box is, not paragraphs of the story:
 * its entries repeat the headings they lead to, and its `#` links cite nothing (issue 8: a
 * guide's contents in its `<main>`'s header were read as six list items, each a claim that looked
 * cited by its own jump).
 */

/** Fewest items of a contents list (a "Jump to recipe · Jump to video" pair is one). */
const MIN_ITEMS = 2;
/** Nodes of a list looked at: a longer list is read as written (the walk stays linear). */
const SCAN_LIMIT = 600;
/** A letter: text outside the jumps may hold numbering and punctuation, no words. */
const LETTER = /\p{L}/u;

/** True for an `<a>` that jumps within the page (`#id`, not a bare `#`). */
function isJump(el: DomNode): boolean {
  const href = el.attribs?.href?.trim() ?? '';
  return href.length > 1 && href.startsWith('#');
}

/** A footnote's way back to its mark by href: `#fnref1`, `#fnref:1`, `#footnote-ref-2`, `#cite_ref-3`, `#r1`. */
const BACK_HREF = /^#(?:(?:fn|footnote|cite|note)?[-_:]?ref(?:[-_:]|\d)|r\d+$)/i;
/** A back-link's text: an arrow or caret alone (↩, ↑, ^). */
const BACK_TEXT = /^(?:[\s↩↑⤴⇑^]|\uFE0E|\uFE0F)+$/u;
/** Most characters of a link's text looked at (an entry's title is short). */
const LINK_TEXT = 200;

/** Text of a link, its first LINK_TEXT characters or so (and nodes at most). */
function textOf(link: DomNode): string {
  let out = '';
  let seen = 0;
  const stack = [...(link.children ?? [])].reverse();
  while (stack.length > 0 && out.length < LINK_TEXT && ++seen <= LINK_TEXT) {
    const node = stack.pop() as DomNode;
    if (node.type === 'text') out += node.data ?? '';
    else for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push((node.children ?? [])[i]);
  }
  return out;
}

/** True for a jump back from a footnote to its mark (↩, `#fnref1`): a note's, never a contents entry's. */
function isBackLink(a: DomNode): boolean {
  const cls = a.attribs?.class ?? '';
  return (
    BACK_HREF.test(a.attribs?.href?.trim() ?? '') ||
    BACK_TEXT.test(textOf(a)) ||
    /footnote-back|backref|reversefootnote/i.test(cls)
  );
}

/**
 * True for a `<ul>`/`<ol>` of two or more contents entries. An entry is one jump whose text is
 * the whole item (numbering and punctuation aside), maybe followed by a list of sub-entries. An
 * item with an id (a note a mark jumps to), a back-link (↩, `#fnref1`) or more than one link is a
 * note of a footnote list, not an entry of contents (issue 8: a footnote list whose notes name
 * their sources by jumps to a bibliography was skipped as contents, and its claims lost their
 * footnotes).
 */
export function isContentsList(list: DomNode): boolean {
  const budget = { left: SCAN_LIMIT };
  return contentsList(list, budget, MIN_ITEMS);
}

/** isContentsList with a budget of nodes shared with its nested lists (`min`: fewest items). */
function contentsList(list: DomNode, budget: { left: number }, min: number): boolean {
  if (list.name !== 'ul' && list.name !== 'ol') return false;
  let items = 0;
  for (const child of list.children ?? []) {
    if (child.type === 'text') {
      if (LETTER.test(child.data ?? '')) return false;
    } else if (child.type === 'tag') {
      if (child.name !== 'li' || child.attribs?.id !== undefined) return false;
      items++;
    }
  }
  if (items < min) return false;
  for (const item of list.children ?? []) {
    if (item.type === 'tag' && !contentsEntry(item, budget)) return false;
  }
  return true;
}

/** True for a list item that is one contents entry (see isContentsList). */
function contentsEntry(item: DomNode, budget: { left: number }): boolean {
  let jumps = 0;
  const stack = [...(item.children ?? [])];
  while (stack.length > 0) {
    if (--budget.left < 0) return false;
    const node = stack.pop() as DomNode;
    if (node.type === 'text') {
      if (LETTER.test(node.data ?? '')) return false;
      continue;
    }
    if (node.type !== 'tag') continue;
    if (node.name === 'ul' || node.name === 'ol') {
      // Sub-entries: a list of contents of its own (one entry is enough under a heading's).
      if (!contentsList(node, budget, 1)) return false;
      continue;
    }
    if (node.name === 'a') {
      // Another link (a source, a page of the site, a second jump) makes the item more than an entry.
      if (!isJump(node) || isBackLink(node) || ++jumps > 1) return false;
      continue;
    }
    for (const c of node.children ?? []) stack.push(c);
  }
  return jumps === 1;
}
