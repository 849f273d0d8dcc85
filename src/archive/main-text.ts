import { Parser } from 'htmlparser2';
import { visibleText } from '../check/page-text.js';
import { capNesting } from '../sources/html-nesting.js';

/** Where one element of the page sits in the source: its start tag to the end of its end tag. */
interface Span {
  start: number;
  end: number;
}

/**
 * The visible text of a page's main part, for --drift: the page's only `<article>`, else its
 * first `<main>`, else the whole page (so that changing menus and sidebars weigh little).
 *
 * One pass of htmlparser2's streaming Parser over the source, keeping a count of open elements
 * and the source offsets of the two candidates, never a tree. The page is a stranger's: cheerio
 * (parse5, and a recursive serialiser) took ~18 s on 50,000 nested `<div>`s, or overflowed the
 * call stack, and 3.3 s on one tag of 40,000 attributes. The Parser's own stack costs the depth
 * at each tag, so the nesting is capped first (capNesting, as extraction does); no attribute is
 * collected (onopentag is not listened to).
 */
export function mainText(html: string): string {
  const source = capNesting(html).html;
  let depth = 0;
  let articles = 0;
  /** Open `<noscript>`s: parse5 (cheerio) reads their content as text, so no element in them counts. */
  let noscript = 0;
  let article: Span | undefined;
  let main: Span | undefined;
  /** The open candidate and the depth it was opened at: the close that leaves that depth is its own. */
  const open: Array<{ span: Span; depth: number }> = [];
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        depth += 1;
        if (name === 'noscript') noscript += 1;
        if (noscript > 0) return;
        if (name === 'article' && ++articles === 1) {
          article = { start: parser.startIndex, end: source.length };
          open.push({ span: article, depth });
        } else if (name === 'main' && main === undefined) {
          main = { start: parser.startIndex, end: source.length };
          open.push({ span: main, depth });
        }
      },
      onclosetag(name, implied) {
        depth -= 1;
        if (name === 'noscript' && noscript > 0) noscript -= 1;
        const last = open[open.length - 1];
        if (last === undefined || depth >= last.depth) return;
        // Closed by its end tag, or implied by the tag at startIndex (an ancestor's end tag, or
        // the end of the page): the element ends where that tag begins.
        last.span.end = implied ? parser.startIndex : parser.endIndex + 1;
        open.pop();
      },
    },
    { decodeEntities: false },
  );
  parser.end(source);
  const chosen = articles === 1 ? article : main;
  return visibleText(chosen ? source.slice(chosen.start, Math.max(chosen.start, chosen.end)) : html);
}
