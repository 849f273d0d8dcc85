import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * Source lines on the rendered HTML, so that a citation's line in JSON, SARIF and CI
 * annotations is the line of the link itself. markdown-it maps blocks to lines; this rule
 * carries the line down to each link (counting the line breaks of the paragraph before it) and
 * into every start tag of raw HTML, whose blocks and links had taken the line of the first tag
 * of a whole HTML block (up to 1,475 lines off on real posts, issue 8).
 */

/** Attribute carrying a 0-based source line within the Markdown body. */
export const MARKDOWN_LINE_ATTR = 'data-md-line';

/** What the rule reads from and writes to the parse environment. */
export interface LinesEnv {
  /** Line of the rendered text's first line within the whole body (a section's start). */
  lineOffset?: number;
  /** Text of the first level-1 heading, set by the rule when found. */
  firstHeading?: string;
}

const enum Scan {
  Text,
  Tag,
  DoubleQuoted,
  SingleQuoted,
  Comment,
}

/**
 * `html` with `data-md-line="N"` added to every start tag, N the tag's own line (`line` being
 * that of the first character). A small linear scanner: it knows quoted attribute values and
 * comments, so a `<` inside them is left alone.
 */
export function markTagLines(html: string, line: number): string {
  if (!html.includes('<')) return html;
  let out = '';
  let last = 0;
  let state = Scan.Text;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      continue;
    }
    switch (state) {
      case Scan.Text:
        if (c !== 0x3c /* < */) break;
        if (html.startsWith('!--', i + 1)) {
          state = Scan.Comment;
          i += 3;
        } else if (isAsciiLetter(html.charCodeAt(i + 1))) {
          let end = i + 2;
          while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
          out += `${html.slice(last, end)} ${MARKDOWN_LINE_ATTR}="${line}"`;
          last = end;
          i = end - 1;
          state = Scan.Tag;
        }
        break;
      case Scan.Tag:
        if (c === 0x22) state = Scan.DoubleQuoted;
        else if (c === 0x27) state = Scan.SingleQuoted;
        else if (c === 0x3e /* > */) state = Scan.Text;
        break;
      case Scan.DoubleQuoted:
        if (c === 0x22) state = Scan.Tag;
        break;
      case Scan.SingleQuoted:
        if (c === 0x27) state = Scan.Tag;
        break;
      case Scan.Comment:
        if (c === 0x2d && html.startsWith('->', i + 1)) {
          state = Scan.Text;
          i += 2;
        }
        break;
    }
  }
  return last === 0 ? html : out + html.slice(last);
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number): boolean => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a;

/** Counts line feeds. */
function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Marks the links and inline HTML of one inline token, whose text starts on `line`. */
function markInline(children: Token[], line: number): void {
  for (const child of children) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        line++;
        break;
      case 'link_open':
      case 'image':
        child.attrSet(MARKDOWN_LINE_ATTR, String(line));
        break;
      case 'html_inline':
        child.content = markTagLines(child.content, line);
        line += newlines(child.content);
        break;
    }
  }
}

/** Plain text of an inline token (the first heading, for a post's title). */
function inlineText(token: Token | undefined): string {
  const text = (token?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('');
  return text.replace(/\s+/g, ' ').trim();
}

/** The core rule (see the module comment); runs last, after links exist. */
function sourceLines(state: StateCore): void {
  const env = state.env as LinesEnv;
  const offset = env.lineOffset ?? 0;
  let line = offset;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Table cells have no map of their own: they take their row's line.
    if (token.map) line = offset + token.map[0];
    if (token.nesting === 1) token.attrSet(MARKDOWN_LINE_ATTR, String(line));
    else if (token.type === 'html_block') token.content = markTagLines(token.content, line);
    else if (token.type === 'inline' && token.children) markInline(token.children, line);
    if (env.firstHeading === undefined && token.type === 'heading_open' && token.tag === 'h1') {
      const text = inlineText(tokens[i + 1]);
      if (text !== '') env.firstHeading = text;
    }
  }
}

/** Adds the rule to a markdown-it instance. */
export function markdownLines(md: MarkdownIt): void {
  md.core.ruler.push('citecheck_lines', sourceLines);
}
