import { load } from 'cheerio';
import type { InputWarning, Post } from '../types.js';
import { normalizeDate } from './dates.js';
import { lineColumn } from './json-repair.js';
import { dateField, notAnAbsoluteUrl } from './warnings.js';

/**
 * Where the article body lives, most specific first: a page's `article` often also holds the
 * comments and share widgets, while `.entry-content` (WordPress themes), `.post-content` and
 * `[itemprop=articleBody]` (schema.org) hold the text alone.
 */
const ARTICLE_SELECTORS = [
  '[itemprop=articleBody]',
  '.entry-content',
  '.post-content',
  'article',
  'main',
  '[role=main]',
];

/** Source location parse5 attaches to elements when asked. */
interface Located {
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

/** Resolves `href` against `base`, or undefined when it cannot be resolved. */
function resolve(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return /^https?:$/.test(url.protocol) && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `resolve`, warning when the page names a URL that cannot be one ("not a url", "ftp://…").
 * A relative URL in a file with no known address is legal HTML, only unusable: no warning.
 */
function resolveMeta(
  field: string,
  href: string | undefined,
  base: string | undefined,
  warnings: InputWarning[],
): string | undefined {
  const url = resolve(href, base);
  const relative = href !== undefined && !/^\s*[a-z][a-z0-9+.-]*:/i.test(href);
  if (url === undefined && href?.trim() && (base !== undefined || !relative))
    warnings.push(notAnAbsoluteUrl(field, href));
  return url;
}

/**
 * Reads an HTML page or file. The post body is the article element's markup exactly as written
 * (a slice of the source, not a re-serialisation: the parser drops orphan `</a>` tags, which are
 * the traces of lost links that extraction must see). `url` is where the page was fetched from.
 */
export function parseHtmlDocument(html: string, meta: { source: string; url?: string }): Post {
  const $ = load(html, { sourceCodeLocationInfo: true });
  const warnings: InputWarning[] = [];
  const canonical = resolveMeta(
    'link rel=canonical',
    $('link[rel~=canonical]').first().attr('href'),
    meta.url,
    warnings,
  );
  const ogUrl = resolveMeta('og:url', $('meta[property="og:url"]').first().attr('content'), meta.url, warnings);
  const url = canonical ?? ogUrl ?? meta.url;
  const baseHref = resolve($('base[href]').first().attr('href'), meta.url ?? url);

  let root: ReturnType<typeof $> = $('body');
  for (const selector of ARTICLE_SELECTORS) {
    const found = $(selector).first();
    if (found.length > 0) {
      root = found;
      break;
    }
  }
  const location = (root[0] as Located | undefined)?.sourceCodeLocation;
  const body = location ? html.slice(location.startOffset, location.endOffset) : html;
  const bodyLine = location ? lineColumn(html, location.startOffset).line : 1;

  const ogTitle = $('meta[property="og:title"]').first().attr('content');
  const h1 = root.find('h1').first().text();
  const docTitle = $('title').first().text();
  const title = [ogTitle, h1, docTitle].map((t) => t?.replace(/\s+/g, ' ').trim()).find((t) => t);

  // A <time> is only a guess at the publish date (it may hold a duration, "PT2H", or a year,
  // both valid HTML): one that is not a date is passed over without a warning.
  const published =
    dateField(
      'article:published_time',
      $('meta[property="article:published_time"]').first().attr('content'),
      warnings,
    ) ??
    normalizeDate(root.find('time[datetime]').first().attr('datetime') ?? $('time[datetime]').first().attr('datetime'));
  const modified = dateField(
    'article:modified_time',
    $('meta[property="article:modified_time"]').first().attr('content'),
    warnings,
  );

  const post: Post = { source: meta.source, kind: 'html', body, bodyFormat: 'html', bodyLine, warnings };
  if (title) post.title = title;
  if (url) post.url = url;
  const baseUrl = baseHref ?? url;
  if (baseUrl) post.baseUrl = baseUrl;
  if (published) post.published = published;
  if (modified) post.modified = modified;
  return post;
}
