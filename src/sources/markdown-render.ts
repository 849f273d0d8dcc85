import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { brokenLinks } from './markdown-broken-links.js';

/**
 * The one Markdown parser of citecheck: CommonMark plus raw HTML (posts embed it) and
 * linkified explicit URLs. Code spans and blocks render as <code>/<pre>, which extraction ignores.
 */
const md = new MarkdownIt({ html: true, linkify: true });
// Fuzzy linkify turns "README.md", "index.html" or "google.com" in prose into http:// links
// that check would then request. Authors cite with explicit URLs: only http(s)://, <autolinks>
// and real Markdown links are links. A scheme-less "//host/path" in prose is no citation either.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
md.linkify.add('//', null);
// markdown-it refuses javascript:, vbscript:, file: and data: links (a safety rule for HTML
// shown in a browser) and prints them as literal "[text](url)". This HTML is only read by
// extraction, which reports such links as skipped rather than losing them; reports escape them.
md.validateLink = () => true;
// Links CommonMark refuses but the author meant (space in the URL, undefined reference): reported, not lost.
md.use(brokenLinks);
md.use(footnote);

/** Attribute carrying a block's 0-based source line within the Markdown body. */
export const MARKDOWN_LINE_ATTR = 'data-md-line';

/** Renders Markdown to HTML whose block elements carry their source line (MARKDOWN_LINE_ATTR). */
export function renderMarkdown(body: string): string {
  const env = {};
  const tokens = md.parse(body, env);
  for (const token of tokens) {
    if (token.nesting === 1 && token.map) token.attrSet(MARKDOWN_LINE_ATTR, String(token.map[0]));
    // Raw HTML blocks have no token attributes: mark their first tag, or their blocks would
    // take the line of whatever came before.
    else if (token.type === 'html_block' && token.map) {
      token.content = token.content.replace(/^(\s*<[a-zA-Z][\w-]*)/, `$1 ${MARKDOWN_LINE_ATTR}="${token.map[0]}"`);
    }
  }
  return md.renderer.render(tokens, md.options, env);
}

/** The text of the first level-1 heading, if any (code blocks cannot fake one). */
export function firstMarkdownHeading(body: string): string | undefined {
  const tokens = md.parse(body, {});
  const at = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  if (at === -1) return undefined;
  const inline = tokens[at + 1];
  const text = (inline?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('');
  return text.replace(/\s+/g, ' ').trim() || undefined;
}
