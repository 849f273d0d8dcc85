import { decodeHTML } from 'entities';
import { scanHtml } from '../sources/scan-html.js';

// Elements whose text a reader never sees as prose (the title is the tab's, not the page's).
const HIDDEN: ReadonlySet<string> = new Set([
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
]);
// Elements that end a run of words: their text must not run into the next element's.
const BREAKING: ReadonlySet<string> = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);
// SVG and MathML close themselves with "/>"; an HTML element's "/>" means nothing (HTML §13.2.5.40).
const SELF_CLOSING_HIDDEN: ReadonlySet<string> = new Set(['svg']);

/**
 * The visible text of an HTML page, for quote matching. Block elements are separated by a
 * space so that "<p>one</p><p>two</p>" does not read as "onetwo"; inline elements are not,
 * so "quo<em>ted</em>" stays one word. One linear pass (see scanHtml): hidden elements are
 * counted open and closed, never kept on a stack.
 */
export function visibleText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  scanHtml(html, {
    open(name) {
      if (HIDDEN.has(name)) hidden += 1;
      else if (hidden === 0 && BREAKING.has(name)) parts.push(' ');
    },
    selfClose(name) {
      if (SELF_CLOSING_HIDDEN.has(name) && hidden > 0) hidden -= 1;
    },
    close(name) {
      if (HIDDEN.has(name)) {
        if (hidden > 0) hidden -= 1;
      } else if (hidden === 0 && BREAKING.has(name)) parts.push(' ');
    },
    text(raw) {
      if (hidden === 0) parts.push(raw.includes('&') ? decodeHTML(raw) : raw);
    },
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
