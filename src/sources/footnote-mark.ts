import { textContent, type DomNode } from './html-tree.js';

/**
 * Whether an in-page link (`<a href="#x">`) looks like a footnote mark: choosing the article
 * body brings the notes its marks point to, and extraction credits the note to the paragraph
 * with the mark. A "post a comment" or "back to top" jump is no mark.
 */

/** The text of a footnote mark link: "1", "[12]", "[1:1]" (a second mark of note 1), "*", "a". */
const MARK_TEXT = /^\[?(?:\d{1,3}(?::\d{1,3})?|[*†‡§¶]{1,3}|[a-z])\]?$/i;
/** Classes and roles of footnote mark links (markdown-it, WordPress, DPUB-ARIA, Wikipedia). */
const MARK_CLASS = /(?:^|\s)(?:footnote-ref|footnote|fn|fnref|noteref|reference|cite_ref\S*)(?:\s|$)/i;

/** True when a link looks like a footnote mark: in a `<sup>`, a footnote class or role, a mark's text. */
export function looksLikeFootnoteMark(link: DomNode): boolean {
  const a = link.attribs ?? {};
  if (MARK_CLASS.test(a.class ?? '') || /^doc-(?:noteref|biblioref)$/.test(a.role ?? '') || a['data-fn'] !== undefined)
    return true;
  for (let up = link.parent, n = 0; up && n < 3; up = up.parent, n++) {
    if (up.name === 'sup' || up.attribs?.['data-fn'] !== undefined) return true;
  }
  const text = textContent(link).trim();
  return text.length <= 8 && MARK_TEXT.test(text);
}
