import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import { brokenLinks } from './markdown-broken-links.js';
import { ipv6Hosts } from './markdown-ipv6-hosts.js';
import { orphanRuns } from './markdown-orphan-runs.js';
import { plainLinks } from './markdown-plain-links.js';
import { boundedLinkify, type LinkifyEnv } from './markdown-linkify.js';
import { markdownLines, type LinesEnv } from './markdown-lines.js';
import { markdownNesting, type NestingEnv } from './markdown-nesting.js';
import { markdownSections } from './markdown-sections.js';
import {
  markdownTemplates,
  protectTemplates,
  type ProtectedTemplates,
  type TemplatesEnv,
} from './markdown-templates.js';
import { ownString } from './compact.js';

export { MARKDOWN_LINE_ATTR } from './markdown-lines.js';

// markdown-it (60 modules) is loaded on the first Markdown input, not at start-up: a run of
// HTML or WordPress posts never needs it. Its CommonJS build, so the load stays synchronous.
const require = createRequire(import.meta.url);
let parser: MarkdownItType | undefined;

/** markdown-it's class, loaded on first use: one copy of the module for extraction and `fix`. */
export function markdownItClass(): typeof MarkdownItType {
  return require('markdown-it') as typeof MarkdownItType;
}

/**
 * The one Markdown parser of citecheck: CommonMark plus raw HTML (posts embed it) and
 * linkified explicit URLs. Code spans and blocks render as <code>/<pre>, which extraction ignores.
 */
export function markdownParser(): MarkdownItType {
  if (parser !== undefined) return parser;
  const MarkdownIt = markdownItClass();
  const footnote = require('markdown-it-footnote') as typeof import('markdown-it-footnote').default;
  const md = new MarkdownIt({ html: true, linkify: true });
  // Fuzzy linkify turns "README.md", "index.html" or "google.com" in prose into http:// links
  // that check would then request. Authors cite with explicit URLs: only http(s)://, <autolinks>
  // and real Markdown links are links. A scheme-less "//host/path" in prose is no citation either.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  // Deeper nesting than markdown-it's default, and a mark when content past it is dropped.
  md.use(markdownNesting);
  md.linkify.add('//', null);
  // Linear, and tables rendered as site generators do (see markdown-linkify.ts).
  md.use(boundedLinkify);
  // markdown-it refuses javascript:, vbscript:, file: and data: links (a safety rule for HTML
  // shown in a browser) and prints them as literal "[text](url)". This HTML is only read by
  // extraction, which reports such links as skipped rather than losing them; reports escape them.
  md.validateLink = () => true;
  // Before the plugins that read hrefs: IPv6 literal hosts keep their brackets.
  md.use(ipv6Hosts);
  // A plain http(s) URL skips normalizeLink's parse and re-encode, which would return it unchanged.
  md.use(plainLinks);
  // Links CommonMark refuses but the author meant (space in the URL, undefined reference): reported, not lost.
  md.use(brokenLinks);
  // A run of orphan `</a>` is one token, not two a tag (see markdown-orphan-runs.ts).
  md.use(orphanRuns);
  md.use(footnote);
  // Site-generator templates back into link targets; shortcode markup out of text (markdown-templates.ts).
  md.use(markdownTemplates);
  // Source lines on blocks, links and raw HTML tags; the first heading (see markdown-lines.ts).
  md.use(markdownLines);
  parser = md;
  return md;
}

/** Options of one render. */
export interface MarkdownRenderOptions {
  /** Bare URLs in table cells become links too (`--linkify`); see markdown-linkify.ts. */
  linkifyTables?: boolean;
  /** 1-based line of the body's first line in its file (after front matter), for messages. */
  bodyLine?: number;
  /** Section size and whole-body limit (see markdown-sections.ts); tests make them small. */
  sections?: { size: number; whole: number };
}

/** What a render found besides the HTML. */
export interface MarkdownFound {
  /** Text of the first level-1 heading, if any (code blocks cannot fake one). */
  firstHeading?: string;
  /**
   * Of the section just yielded: true when its HTML is markdown-it's own markup alone (no raw
   * HTML, no link inside a link, no emphasis nested past INLINE_DEPTH_MAX), every element
   * closed in order (see ownMarkup).
   */
  ownMarkup?: boolean;
  /** Set when blocks nested deeper than markdown-it reads were dropped (markdown-nesting.ts). */
  nestingCut?: boolean;
}

/**
 * True when tokens render to markdown-it's own markup only: no raw HTML (html_block,
 * html_inline) and no link opened inside a link (an autolink or a bare URL in a link's text
 * renders as a link in a link, which prepare-html.ts closes the browser's way). Such markup
 * has every element closed in order, and nests no deeper than markdown-it's maxNesting: no
 * orphan tag to mark, nothing to cap (test/extract/markdown-own-markup.test.ts). Footnote
 * definitions are not read here: the caller rules them out (their tokens move).
 */
function ownMarkup(tokens: readonly MarkdownToken[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'html_block') return false;
    const children = token.children;
    if (children === null) continue;
    let links = 0;
    let depth = 0;
    for (let j = 0; j < children.length; j++) {
      const child = children[j];
      const type = child.type;
      if (type === 'html_inline') return false;
      if (type === 'link_open' && ++links > 1) return false;
      if (type === 'link_close') links--;
      // Emphasis is paired after markdown-it's parse, past its maxNesting: `**`×n nests n deep,
      // and the HTML parser's work per tag grows with the depth (review22: 640 KB took 26 s).
      // Such markup is capped like raw HTML.
      depth += child.nesting;
      if (depth > INLINE_DEPTH_MAX) return false;
    }
  }
  return true;
}

/** Inline elements nested deeper than this are capped before parsing (html-nesting.ts). */
const INLINE_DEPTH_MAX = 100;

/** A token of markdown-it's parse. */
type MarkdownToken = ReturnType<MarkdownItType['parse']>[number];

/** The parse environment one render shares between its sections. */
type RenderEnv = LinkifyEnv &
  LinesEnv &
  NestingEnv &
  TemplatesEnv & { references?: Record<string, unknown>; badDefinitions?: Record<string, unknown>; bodyLine?: number };

/** A body renderMarkdown takes from its holder, which then keeps nothing of it (see MarkdownBody.take). */
export interface MarkdownBody {
  /** The body; its holder lets go of it (a post's body emptied once taken). */
  take(): string;
}

/**
 * The body's sections, with templates in link targets swapped out over the whole body (same
 * lines; see markdown-templates.ts). A body of several sections is cut into copies of its own
 * (ownString): slices would each keep the whole body (an 18 MB file with a curly quote: 36 MB,
 * two bytes a character) alive to the last section, and a copy is let go of once rendered. A
 * function of its own, so nothing of its frame holds the body once it returns.
 */
function splitSections(
  body: string,
  options: MarkdownRenderOptions,
): { sections: ReturnType<typeof markdownSections>; texts: string[]; templates: ProtectedTemplates | undefined } {
  const prepared = protectTemplates(body);
  const text = prepared.body;
  const sections = markdownSections(text, options.sections?.size, options.sections?.whole);
  const texts = sections.map((section, i) => text.slice(section.start, sections[i + 1]?.start ?? text.length));
  if (texts.length > 1) for (let i = 0; i < texts.length; i++) texts[i] = ownString(texts[i]);
  // What restoring templates reads: the placeholders' prefix and the templates, not the body.
  const templates =
    prepared.templates.length > 0 ? { body: '', prefix: prepared.prefix, templates: prepared.templates } : undefined;
  return { sections, texts, templates };
}

/**
 * Renders a Markdown body to HTML, section by section (see markdown-sections.ts; a post under
 * a mebibyte is one section): elements carry their source line (MARKDOWN_LINE_ATTR). Reference
 * definitions are collected over the whole body first, so that a section may use one defined
 * in another. `found` receives the first heading. A body given by its holder is taken when the
 * first section is asked for, and held no longer than its sections are.
 */
export function* renderMarkdown(
  body: string | MarkdownBody,
  options: MarkdownRenderOptions = {},
  found: MarkdownFound = {},
): Generator<string> {
  const md = markdownParser();
  const { sections, texts, templates } = splitSections(typeof body === 'string' ? body : body.take(), options);
  const collect: RenderEnv = {};
  if (sections.length > 1) {
    // Block rules only: the reference rules fill env.references and badDefinitions; tokens are dropped.
    texts.forEach((section, i) => {
      // A definition, good or bad, is `[label]:`: a section without "]:" holds none, and its
      // block parse (its tokens thrown away) would add nothing: 55–200 ms of a 4 MB post's 6 s.
      if (!section.includes(']:')) return;
      collect.lineOffset = sections[i].line;
      md.block.parse(section.replace(/\r\n?/g, '\n'), md, collect, []);
    });
  }
  for (let i = 0; i < sections.length; i++) {
    const env: RenderEnv = {
      linkifyTables: options.linkifyTables === true,
      lineOffset: sections[i].line,
      bodyLine: options.bodyLine ?? 1,
      templates,
    };
    if (collect.references) env.references = { ...collect.references };
    if (collect.badDefinitions) env.badDefinitions = { ...collect.badDefinitions };
    const tokens = md.parse(texts[i], env);
    if (found.firstHeading === undefined && env.firstHeading !== undefined) found.firstHeading = env.firstHeading;
    found.ownMarkup = ownMarkup(tokens);
    if (env.nestingCut === true) found.nestingCut = true;
    texts[i] = '';
    yield md.renderer.render(tokens, md.options, env);
  }
}
