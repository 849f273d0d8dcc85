import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * Markdown as site generators write it (issue 8): Hugo shortcodes and Liquid/Nunjucks/Jinja
 * templates in a link's target — `[docs]({{< ref "docs.md" >}})`, `[home]({{ site.baseurl }}/)`,
 * `[x]: {% link _posts/x.md %}`. Their spaces and quotes make the link invalid CommonMark: the
 * link was printed as text, a reference definition holding one ended every definition after
 * it, and each use of those became a lost link (ANCHOR_DAMAGED).
 *
 * Before parsing, a template in a link's target is swapped for a placeholder with no spaces
 * (same line count), and swapped back in the rendered link, whose href then holds the template
 * as written (template-links.ts resolves it). Also before parsing, a `{% highlight %}` /
 * `{{< highlight >}}` block on lines of its own becomes a code fence, as the generator renders
 * it. In text, shortcode and tag markup (`{{< youtube id >}}`, `{% include x.html %}`) is
 * dropped: it is markup, not prose. An expression `{{ page.title }}` stays, since the reader
 * sees its value there.
 */

/** One template expression, as written: `{{< … >}}`, `{{% … %}}`, `{{ … }}` or `{% … %}`, on one line. */
export const TEMPLATE = /\{\{[<%][^\n]{0,300}?[>%]\}\}|\{\{[^\n]{0,300}?\}\}|\{%[^\n]{0,300}?%\}/g;

/** Shortcode and tag markup only (no `{{ expression }}`): what is dropped from text. */
const TEMPLATE_TAG = /\{\{[<%][^\n]{0,300}?[>%]\}\}|\{%[^\n]{0,300}?%\}/g;

/** Templates swapped out of a body, and the placeholder that names them. */
export interface ProtectedTemplates {
  /** The body with placeholders. */
  body: string;
  /** Placeholder prefix (a lower-case word absent from the body): `${prefix}${index}z`. */
  prefix: string;
  /** Templates by index. */
  templates: string[];
}

/** What the restore rule reads from the parse environment. */
export interface TemplatesEnv {
  /** The templates of the body being rendered, if any were swapped. */
  templates?: ProtectedTemplates;
}

// How far back from a template to look for the `](` or `[label]:` that makes it a link target.
const MAX_LOOKBACK = 400;
const DEFINITION_HEAD = /^ {0,3}\[[^\]]{1,400}\]:[ \t]*<?$/;
const HIGHLIGHT_OPEN =
  /^ {0,3}(?:\{%-?\s*(?:highlight|codeblock)\b[^\n]{0,200}%\}|\{\{[<%]\s*(?:highlight|code)\b[^\n]{0,200}[>%]\}\})[ \t]*$/;
const HIGHLIGHT_CLOSE =
  /^ {0,3}(?:\{%-?\s*(?:endhighlight|endcodeblock)\s*-?%\}|\{\{[<%]\s*\/\s*(?:highlight|code)\s*[>%]\}\})[ \t]*$/;
const CODE_FENCE = '~~~~~~~~~~';

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * True when the template starting at `at` is (part of) a link target: right after `](` (or
 * `](<`) with no space between, or after `[label]:` at the start of its line. `previous` is the
 * end of the template before it and whether that one was a link target: a template touching it
 * is part of the same target (`{{ site.url }}{{ site.baseurl }}/x`). Looks back at most
 * MAX_LOOKBACK characters and never past the previous template, so the scan stays linear.
 */
function inLinkTarget(body: string, at: number, previous: { end: number; inTarget: boolean }): boolean {
  const floor = Math.max(previous.end, at - MAX_LOOKBACK, 0);
  let i = at;
  while (i > floor && !isSpace(body.charCodeAt(i - 1)) && body.charCodeAt(i - 1) !== 0x28 /* ( */) i--;
  // Back at the previous template's closing brace with only URL characters between.
  if (previous.end > 0 && i === previous.end) return previous.inTarget;
  if (i > 1 && body.charCodeAt(i - 1) === 0x28 && body.charCodeAt(i - 2) === 0x5d /* ] */) return true;
  return isDefinitionHead(body, at);
}

/** True when the line holding `at` reads `[label]:` (then spaces, maybe `<`) up to `at`. */
function isDefinitionHead(body: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start <= MAX_LOOKBACK && body.charCodeAt(start - 1) !== 0x0a) start--;
  if (at - start > MAX_LOOKBACK) return false;
  return DEFINITION_HEAD.test(body.slice(start, at));
}

/** A lower-case word that does not occur in `body`, for placeholders. */
function placeholderPrefix(body: string): string {
  let prefix = 'cctpl';
  for (let n = 0; body.includes(prefix); n++) prefix = `cctpl${n}q`;
  return prefix;
}

/** Turns `{% highlight %}` … `{% endhighlight %}` lines into a code fence (line count unchanged). */
function fenceHighlights(body: string): string {
  if (!body.includes('highlight') && !body.includes('codeblock') && !body.includes('{{< code')) return body;
  const lines = body.split('\n');
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    if (open === -1 && HIGHLIGHT_OPEN.test(lines[i])) open = i;
    else if (open !== -1 && HIGHLIGHT_CLOSE.test(lines[i])) {
      lines[open] = CODE_FENCE;
      lines[i] = CODE_FENCE;
      open = -1;
    }
  }
  return lines.join('\n');
}

/** Swaps the templates in link targets for placeholders (see the module comment). Linear. */
export function protectTemplates(source: string): ProtectedTemplates {
  const body = fenceHighlights(source);
  const none = { body, prefix: '', templates: [] };
  if (!body.includes('{{') && !body.includes('{%')) return none;
  const prefix = placeholderPrefix(body);
  const templates: string[] = [];
  let out = '';
  let last = 0;
  const previous = { end: 0, inTarget: false };
  TEMPLATE.lastIndex = 0;
  for (let m = TEMPLATE.exec(body); m; m = TEMPLATE.exec(body)) {
    const inTarget = inLinkTarget(body, m.index, previous);
    previous.end = m.index + m[0].length;
    previous.inTarget = inTarget;
    if (!inTarget) continue;
    out += `${body.slice(last, m.index)}${prefix}${templates.length}z`;
    templates.push(m[0]);
    last = m.index + m[0].length;
  }
  return templates.length === 0 ? none : { body: out + body.slice(last), prefix, templates };
}

/** `text` with the placeholders of `found` swapped back for their templates. */
function restoreTemplates(text: string, found: ProtectedTemplates): string {
  if (found.templates.length === 0 || !text.includes(found.prefix)) return text;
  return text.replace(new RegExp(`${found.prefix}(\\d+)z`, 'g'), (all, n: string) => found.templates[Number(n)] ?? all);
}

/** Restores templates in the hrefs and text of inline tokens, and drops tag markup from text. */
function restoreInline(children: Token[], found: ProtectedTemplates | undefined): void {
  for (const child of children) {
    if (found && (child.type === 'link_open' || child.type === 'image')) {
      const attr = child.type === 'image' ? 'src' : 'href';
      const value = child.attrGet(attr);
      // markdown-it percent-encodes hrefs; a placeholder is plain letters and digits, kept as is.
      if (value !== null) child.attrSet(attr, restoreTemplates(value, found));
    } else if (child.type === 'text' || child.type === 'code_inline') {
      if (found) child.content = restoreTemplates(child.content, found);
      if (child.type === 'text' && child.content.includes('{')) child.content = child.content.replace(TEMPLATE_TAG, '');
    }
  }
}

/** The restore core rule (runs after inline parsing and linkify). */
function restore(state: StateCore): void {
  const found = (state.env as TemplatesEnv).templates;
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.children) restoreInline(token.children, found);
    else if (found && (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block')) {
      token.content = restoreTemplates(token.content, found);
    }
  }
}

/** Adds the restore rule to a markdown-it instance (protectTemplates runs before parsing). */
export function markdownTemplates(md: MarkdownIt): void {
  md.core.ruler.push('citecheck_templates', restore);
}
