import * as cheerio from 'cheerio';

// Elements whose text a reader never sees as prose.
const HIDDEN = 'head, script, style, noscript, template, svg, iframe, object';
// Elements that end a run of words: their text must not run into the next element's.
const BREAKING =
  'address, article, aside, blockquote, br, dd, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, td, th, tr, ul';

/**
 * The visible text of an HTML page, for quote matching. Block elements are separated by a
 * space so that "<p>one</p><p>two</p>" does not read as "onetwo"; inline elements are not,
 * so "quo<em>ted</em>" stays one word.
 */
export function visibleText(html: string): string {
  const $ = cheerio.load(html);
  $(HIDDEN).remove();
  $(BREAKING).each((_, el) => {
    $(el).prepend(' ').append(' ');
  });
  return $.root().text().replace(/\s+/g, ' ').trim();
}
