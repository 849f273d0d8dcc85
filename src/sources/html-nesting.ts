import { RAW_TEXT, scanTags } from './scan-tags.js';

/**
 * A cap on how deep HTML elements nest, applied to the raw source before any parser sees it.
 *
 * Browsers cap it too (Blink appends elements deeper than 512 levels as siblings at that
 * depth). We must: htmlparser2 keeps its open elements in an array it shifts and unshifts at
 * the front, so every tag costs the current depth, and 40,000 nested `<div>`s took seconds
 * (quadratic). No real post nests anywhere near the cap. Tags past it are blanked out with
 * spaces (newlines kept, so offsets and line numbers stay true); their text stays, in the
 * element at the cap. Links stay links: one `<a>` is kept past the cap (a link cannot hold
 * another), so a citation nested 5,000 deep is still found.
 */

/** Deepest nesting of elements kept (Blink's limit). */
export const MAX_NESTING = 512;

/** Elements with no end tag (htmlparser2's list). */
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);

const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P = new Set(['p']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const SECTIONS = new Set(['thead', 'tbody']);
/** Start tags that close open elements first: a mirror of htmlparser2's `openImpliesClose`. */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', SECTIONS],
  ['tfoot', SECTIONS],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, FORM_TAGS]),
  ...'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
    .split(' ')
    .map((t): [string, Set<string>] => [t, P]),
]);

/**
 * Posts whose body was cut from a page capNesting had already capped (html.ts): nested no
 * deeper than the page, so extraction need not scan it again (a second scan of every tag was
 * ~2% of extracting a page). A post copied on its way (`{ ...post }`) is simply capped again.
 */
const cappedPosts = new WeakSet<object>();

/** Records that `post`'s body is a slice of a capped page. */
export function markNestingCapped(post: object): void {
  cappedPosts.add(post);
}

/** True when `post`'s body is a slice of a capped page (see markNestingCapped). */
export function isNestingCapped(post: object): boolean {
  return cappedPosts.has(post);
}

/**
 * True when `html` has more than `max` places where a start tag could begin (`<` and a
 * letter): with no more, nothing can nest past `max`, and the scan of every tag is skipped (a
 * post of 70,000 orphan `</a>` and no start tag spent ~2% of its run in it). Stops counting past `max`.
 */
function hasStartTagsAbove(html: string, max: number): boolean {
  let starts = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if (((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && ++starts > max) return true;
  }
  return false;
}

/** The source with tags nested past MAX_NESTING blanked out, and how many were. */
export function capNesting(html: string, max = MAX_NESTING): { html: string; dropped: number } {
  if (!hasStartTagsAbove(html, max)) return { html, dropped: 0 };
  const open: string[] = [];
  /** Dropped start tags still waiting for their end tag, by name. */
  const waiting = new Map<string, number>();
  /** Open SVG/MathML elements: there `<x/>` closes itself. */
  let foreign = 0;
  const cuts: Array<[number, number]> = [];
  let dropped = 0;
  scanTags(
    html,
    (tag) => {
      const { name } = tag;
      if (tag.closing) {
        const pending = waiting.get(name) ?? 0;
        if (pending > 0) {
          waiting.set(name, pending - 1);
          cuts.push([tag.index, tag.end]);
          return;
        }
        // htmlparser2 closes the innermost open element of that name and everything inside it.
        const at = open.lastIndexOf(name);
        if (at === -1) return;
        for (let k = open.length - 1; k >= at; k--) if (open[k] === 'svg' || open[k] === 'math') foreign--;
        open.length = at;
        return;
      }
      const closes = IMPLIES_CLOSE.get(name);
      if (closes) while (open.length > 0 && closes.has(open[open.length - 1])) open.pop();
      if (VOID.has(name) || (foreign > 0 && tag.selfClosing)) return;
      // script, style, title…: scanTags skips to their end tag, which closes them at once.
      if (RAW_TEXT.has(name)) return;
      if (open.length >= max && !(name === 'a' && open.length === max)) {
        waiting.set(name, (waiting.get(name) ?? 0) + 1);
        cuts.push([tag.index, tag.end]);
        dropped++;
        return;
      }
      open.push(name);
      if (name === 'svg' || name === 'math') foreign++;
    },
    RAW_TEXT,
  );
  if (cuts.length === 0) return { html, dropped: 0 };
  const out: string[] = [];
  let last = 0;
  for (const [start, end] of cuts) {
    out.push(html.slice(last, start), html.slice(start, end).replace(/[^\n]/g, ' '));
    last = end;
  }
  out.push(html.slice(last));
  return { html: out.join(''), dropped };
}
