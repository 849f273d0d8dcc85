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

/** True for a `<ul>`/`<ol>` whose items (two or more) are all in-page jumps and nothing else. */
export function isContentsList(list: DomNode): boolean {
  if (list.name !== 'ul' && list.name !== 'ol') return false;
  let items = 0;
  for (const child of list.children ?? []) {
    if (child.type === 'text') {
      if (LETTER.test(child.data ?? '')) return false;
    } else if (child.type === 'tag') {
      if (child.name !== 'li') return false;
      items++;
    }
  }
  if (items < MIN_ITEMS) return false;
  let seen = 0;
  for (const item of list.children ?? []) {
    if (item.type !== 'tag') continue;
    let jumps = 0;
    const stack = [...(item.children ?? [])];
    while (stack.length > 0) {
      if (++seen > SCAN_LIMIT) return false;
      const node = stack.pop() as DomNode;
      if (node.type === 'text') {
        if (LETTER.test(node.data ?? '')) return false;
        continue;
      }
      if (node.type !== 'tag') continue;
      if (node.name === 'a') {
        // Another link (a source, a page of the site) makes the list more than contents.
        if (!isJump(node)) return false;
        jumps++;
        continue;
      }
      for (const c of node.children ?? []) stack.push(c);
    }
    if (jumps === 0) return false;
  }
  return true;
}
