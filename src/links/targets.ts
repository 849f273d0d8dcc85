import type { CheckTarget, ExtractedPost } from '../types.js';

/**
 * One target per unique `checkUrl` across all posts, in order of first appearance, with the
 * fragments and quotes cited for it collected (deduplicated). Invalid citations and those
 * without a checkUrl are not targets: they are reported from the extraction alone. Nor are links
 * that are not sources (a `role`: share widgets, tag pages, navigation…): requesting them only
 * sends citecheck to social sites and the blog's own menus; a URL also cited as a source is
 * still checked for that citation.
 */
export function collectTargets(posts: ExtractedPost[]): CheckTarget[] {
  const byUrl = new Map<string, CheckTarget>();
  for (const post of posts) {
    for (const block of post.blocks) {
      for (const citation of block.citations) {
        // Ignored links (extract/ignore-markers.ts) get no request: they are reported excluded.
        if (citation.invalid !== undefined || !citation.checkUrl || citation.role !== undefined) continue;
        if (citation.ignored !== undefined) continue;
        let target = byUrl.get(citation.checkUrl);
        if (!target) {
          target = { url: citation.checkUrl, fragments: [], quotes: [] };
          byUrl.set(citation.checkUrl, target);
        }
        if (citation.fragment && !target.fragments.includes(citation.fragment)) {
          target.fragments.push(citation.fragment);
        }
        for (const quote of citation.quotes ?? []) {
          if (!target.quotes.includes(quote)) target.quotes.push(quote);
        }
      }
    }
  }
  return [...byUrl.values()];
}
