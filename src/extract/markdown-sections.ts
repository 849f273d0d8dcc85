/**
 * Cuts a very long Markdown body into sections that parse alone, so that markdown-it's tokens,
 * the HTML and its parse tree exist for one section at a time: rendered whole, an 18 MB file
 * peaked at 2.1 GB (tokens alone weigh ~30× the input, the tree ~20×; issue 13).
 *
 * A cut goes before a line that starts a new top-level block for certain: a line at column 0
 * right after a blank line, outside a fenced code block and outside the raw HTML blocks that a
 * blank line does not end (`<script>`, `<pre>`, `<style>`, `<textarea>`, comments, `<?…?>`,
 * `<!…>`, CDATA; CommonMark §4.6 kinds 1–5). Such a cut changes no block, only how a list is
 * numbered or whether it is "loose", which extraction does not read. A long bullet list is cut too,
 * before an item at column 0 (a file that is one 19 MB list, with no blank line, was one section
 * at 1.2 GB): only in a list that began at column 0 after a blank line and has had no line at
 * column 0 since but its items (an HTML block or a lazy line may swallow what follows). Ordered
 * lists are not cut: a cut would renumber their items, which footnote credits read. Reference definitions are
 * collected over the whole body first (see markdown-render.ts), so a link may still use a
 * definition from another section.
 */

/**
 * Bodies up to this many characters are rendered whole (a long post is ~100 KB): a footnote
 * defined in another section than its mark would not be found.
 */
const WHOLE_BODY_CHARS = 1 << 20;

/** Longer bodies are rendered in sections of about this many characters (peak memory ~40× it). */
const SECTION_CHARS = 1 << 18;

/** A section of a body: where it starts, as an offset and as a 0-based line. */
export interface Section {
  /** Offset of its first character. */
  start: number;
  /** Its first line (0-based) within the body. */
  line: number;
}

// CommonMark §4.5 fences and §4.6 HTML block start conditions 1–5, with their end markers.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_START: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
// A bullet list item at column 0 with text on its line (a bare "-" may underline a heading).
const BULLET_ITEM = /^[-+*][ \t]+\S/;

/**
 * Where to cut `body` (the first section starts at 0): sections of at least `size` characters,
 * or one section for a body up to `whole` characters. Linear: one pass over the lines, each
 * tested by anchored patterns of bounded reach.
 */
export function markdownSections(body: string, size = SECTION_CHARS, whole = WHOLE_BODY_CHARS): Section[] {
  const sections: Section[] = [{ start: 0, line: 0 }];
  if (body.length <= whole) return sections;
  let fence: string | undefined;
  let rawEnd: RegExp | undefined;
  let previousBlank = false;
  // In a bullet list at column 0 (see above): its next item at column 0 may start a section.
  let inList = false;
  let line = 0;
  for (let at = 0; at < body.length; line++) {
    const newline = body.indexOf('\n', at);
    const end = newline === -1 ? body.length : newline;
    // A line's opening is enough to classify it; bounding the tests keeps a long line linear.
    const head = body.slice(at, Math.min(end, at + 64));
    const blank = head.trim() === '' && (end - at <= 64 || body.slice(at, end).trim() === '');
    if (fence !== undefined) {
      const close = FENCE.exec(head);
      if (
        close &&
        close[1][0] === fence[0] &&
        close[1].length >= fence.length &&
        body.slice(at + close[0].length, end).trim() === ''
      )
        fence = undefined;
    } else if (rawEnd !== undefined) {
      if (rawEnd.test(body.slice(at, end))) rawEnd = undefined;
    } else {
      const atColumn0 = !blank && !/^[ \t]/.test(head);
      const startsBlock = previousBlank && atColumn0;
      const item = atColumn0 && BULLET_ITEM.test(head);
      if ((startsBlock || (inList && item)) && at - sections[sections.length - 1].start >= size)
        sections.push({ start: at, line });
      if (atColumn0) inList = item && (startsBlock || inList);
      const open = FENCE.exec(head);
      if (open) fence = open[1];
      else {
        for (const [start, stop] of RAW_HTML_START) {
          if (!start.test(head)) continue;
          // Kinds 1–5 may end on their first line.
          if (!stop.test(body.slice(at + 2, end))) rawEnd = stop;
          break;
        }
      }
    }
    previousBlank = blank;
    at = end + 1;
  }
  return sections;
}
