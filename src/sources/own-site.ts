import type { DomNode } from './html-tree.js';

/**
 * The host a page's own navigation links go to: the site a saved page belongs to, when nothing
 * in its head names it (no canonical, no og:url) or it was read from a copy at another address (a
 * file, a mirror, a local preview). Its menus, header, footer and sidebars (the links outside the
 * article body) link the site's own pages, most of them at one host: links of the body to that
 * host are then the site's own (its topic guides, its home page), not outbound sources (issue 8).
 * A site's own menus link its home page (its logo, "Home"): a host counts only when the links
 * outside the body also go to its home page (path "/" or none). A project page whose menus link
 * github.com/org/repo, or a news page whose share and follow links go to twitter.com/handle, does
 * not make github.com or twitter.com its own site (their links in the body are sources).
 */

/** Fewest links outside the body to one host for it to be the page's own. */
const MIN_LINKS = 3;
/** Share of the absolute links outside the body the host must hold. */
const MIN_SHARE = 0.4;

/** The path of an absolute or protocol-relative http(s) URL, without its query and fragment ("" for none). */
function linkPath(href: string): string {
  const m = /^\s*(?:https?:)?\/\/[^/?#\s]*([^?#\s]*)/i.exec(href);
  return m ? m[1] : '';
}

/**
 * An absolute or protocol-relative http(s) URL's host as the URL parser gives it (lower case,
 * punycode), without "www."; undefined for others. The same host name extraction compares links
 * with (siteHost in extract/index.ts), so an own host read from an og:url or a menu matches the
 * links to it, international names included.
 */
export function linkHost(href: string): string | undefined {
  if (!/^\s*(?:https?:)?\/\//i.test(href)) return undefined;
  try {
    const host = new URL(href.trim(), 'http://relative.invalid/').hostname.replace(/^www\./, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/**
 * The host most absolute links outside `body` go to (`links`: each `<a href>`'s start offset and
 * href, in document order), among those whose home page is linked there too, when it holds
 * MIN_LINKS of them and MIN_SHARE, and no other such host has as many; undefined otherwise, or
 * when the body is the whole page.
 */
export function navigationHost(links: ReadonlyArray<[number, string]>, body: DomNode | undefined): string | undefined {
  if (body === undefined || body.startIndex == null || body.endIndex == null) return undefined;
  const counts = new Map<string, number>();
  const homes = new Set<string>();
  let total = 0;
  for (const [at, href] of links) {
    if (at >= body.startIndex && at <= body.endIndex) continue;
    const host = linkHost(href);
    if (host === undefined) continue;
    total++;
    counts.set(host, (counts.get(host) ?? 0) + 1);
    const path = linkPath(href);
    if (path === '' || path === '/') homes.add(host);
  }
  let best: string | undefined;
  let most = 0;
  let tie = false;
  for (const [host, n] of counts) {
    if (!homes.has(host)) continue;
    if (n > most) {
      best = host;
      most = n;
      tie = false;
    } else if (n === most) tie = true;
  }
  return best !== undefined && !tie && most >= MIN_LINKS && most >= MIN_SHARE * total ? best : undefined;
}
