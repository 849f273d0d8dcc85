import { TEMPLATE } from './markdown-templates.js';

/**
 * Links whose target is a site generator's template (Hugo, Jekyll/Liquid, Eleventy/Nunjucks,
 * Jinja): links to the site itself, whatever the post's format. Resolved against the post's
 * URL when the template only names the site's root or a path on it, otherwise left unchecked
 * with the reason — never a lost link, never a request to a URL with template syntax in it.
 *
 * Resolution assumes the site lives at the root of the post's host: a `baseurl` of `/blog`
 * is only known to the site's configuration.
 */

/** What a template link resolves to: a URL to check, or why there is none. */
export type TemplateLink = { url: string } | { unresolved: string };

/** Expressions naming the site's root URL (Jekyll `site.url`/`site.baseurl`, Hugo `.Site.BaseURL`, Zola, Pelican). */
const ROOT = /^(?:\$?\.?site\.)?(?:base_?url|url|siteurl|base_?path|github\.url)$|^config\.base_?url$/i;
/** Expressions naming the page itself. */
const PAGE = /^(?:\$?\.?page\.)(?:url|permalink|relpermalink)$|^\.(?:permalink|relpermalink)$/i;
/** `"/path" | relative_url` and its kin: a path on the site. */
const PATH_FILTER =
  /^(["'])([^"'\s]*)\1\s*\|\s*(?:relative_url|absolute_url|url|absURL|relURL|absLangURL|relLangURL|url_for|full_url_for|htmlBaseUrl|prepend:\s*site\.(?:base_?url|url))$/i;
/** Generator features that compute a URL from a content file: named in the reason. */
const COMPUTED: Array<[RegExp, string]> = [
  [/^\{\{[<%]\s*relref\b/i, "Hugo's relref shortcode"],
  [/^\{\{[<%]\s*ref\b/i, "Hugo's ref shortcode"],
  [/^\{%-?\s*post_url\b/i, "Jekyll's post_url tag"],
  [/^\{%-?\s*link\b/i, "Jekyll's link tag"],
  [/^\{\{-?\s*(?:relref|ref)\b/i, "Hugo's ref function"],
];

/** The expression inside a template's delimiters. */
function expression(template: string): string {
  return template
    .replace(/^\{\{[<%-]?|[>%-]?\}\}$/g, '')
    .replace(/^\{%-?|-?%\}$/g, '')
    .trim();
}

/** What one template stands for: the site root, the page, a path, or nothing we can know. */
function meaning(template: string): { root: true } | { page: true } | { path: string } | { unknown: string } {
  for (const [pattern, name] of COMPUTED) if (pattern.test(template)) return { unknown: name };
  if (template.startsWith('{{') && !/^\{\{[<%]/.test(template)) {
    const inner = expression(template);
    if (ROOT.test(inner)) return { root: true };
    if (PAGE.test(inner)) return { page: true };
    const filtered = PATH_FILTER.exec(inner);
    if (filtered) return { path: filtered[2].startsWith('/') ? filtered[2] : `/${filtered[2]}` };
  }
  if (/^\{\{[<%]\s*(?:base_?url|site_?url)\s*[>%]\}\}$/i.test(template)) return { root: true };
  return { unknown: 'a template' };
}

/** True when an href holds site-generator template syntax. */
function hasTemplate(href: string): boolean {
  return href.includes('{{') || href.includes('{%');
}

/**
 * Resolves a template href (see the module comment). `postUrl` is the post's own URL.
 * Returns undefined when the href holds no template.
 */
export function resolveTemplateLink(href: string, postUrl: string | undefined): TemplateLink | undefined {
  if (!hasTemplate(href)) return undefined;
  let value = '';
  let last = 0;
  // A target that starts with the site's root or a site path is a path from the root.
  let fromRoot = false;
  TEMPLATE.lastIndex = 0;
  for (let m = TEMPLATE.exec(href); m; m = TEMPLATE.exec(href)) {
    const part = meaning(m[0]);
    if ('unknown' in part) {
      return { unresolved: `${part.unknown} (${m[0]}): the URL is computed by the site generator` };
    }
    if (m.index === 0 && !('page' in part)) fromRoot = true;
    value += href.slice(last, m.index);
    if ('path' in part) value += part.path;
    else if ('page' in part) value += postUrl === undefined ? '' : new URL(postUrl).pathname;
    // The root adds nothing: the rest of the href is a path from it ("{{ site.baseurl }}/x").
    last = m.index + m[0].length;
  }
  value += href.slice(last);
  if (postUrl === undefined) {
    return { unresolved: 'a link to the site itself, and the post has no URL to resolve it against' };
  }
  try {
    return { url: new URL(fromRoot && !value.startsWith('/') ? `/${value}` : value, postUrl).href };
  } catch {
    return { unresolved: `a link to the site itself that does not resolve to a URL: ${href}` };
  }
}
