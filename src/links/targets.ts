import type { CheckTarget, Citation, ExtractedPost } from '../types.js';
import { isCheckedRole } from './plan.js';

/**
 * One target per unique `checkUrl` across all posts, in order of first appearance, with the
 * fragments and quotes cited for it collected (deduplicated). Invalid citations and those
 * without a checkUrl are not targets: they are reported from the extraction alone. Nor are links
 * that are not sources (a `role`: share widgets, tag pages, navigation…): requesting them only
 * sends citecheck to social sites and the blog's own menus (links on names in the prose, role
 * `entity`, are requested: see isCheckedRole); a URL also cited as a source is
 * still checked for that citation. Copies of citations credited to other blocks (`via`) are
 * their own citation's target.
 */
export function collectTargets(posts: ExtractedPost[]): CheckTarget[] {
  const byUrl = new Map<string, CheckTarget>();
  for (const post of posts) {
    for (const block of post.blocks) {
      for (const citation of block.citations) {
        if (!isTarget(citation)) continue;
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

/** True for a citation that makes its checkUrl a target (see collectTargets). */
export function isTarget(citation: Citation): citation is Citation & { checkUrl: string } {
  // Ignored links (extract/ignore-markers.ts) get no request: they are reported excluded.
  if (citation.invalid !== undefined || !citation.checkUrl || !isCheckedRole(citation.role)) return false;
  if (citation.ignored !== undefined) return false;
  // A copy credited to another block (a footnote's link on the paragraph that marks it)
  // adds nothing its own citation does not: skipped, the targets are the same before and
  // after the claim analysis that makes the copies (run.ts checks links before it).
  return citation.via === undefined;
}
