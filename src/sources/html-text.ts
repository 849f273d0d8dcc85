import { parseHtmlTree, textContent } from './html-tree.js';

/** Plain text of a short HTML fragment (a title): tags stripped, entities decoded, spaces collapsed. */
export function htmlToPlainText(html: string): string {
  // Walked without recursion (html-tree.ts): a title of 5,000 nested <b> is text, not a crash.
  const text = /[<&]/.test(html) ? textContent(parseHtmlTree(html)) : html;
  return text.replace(/\s+/g, ' ').trim();
}
