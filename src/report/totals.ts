import {
  damagedAnchorCount,
  LINK_STATUSES,
  type Finding,
  type LinkStatus,
  type ReportPost,
  type ReportTotals,
  type Severity,
} from '../types.js';
import { isCheckedRole } from '../links/plan.js';
import { findingCount } from './derive-findings.js';

/**
 * Counts for the whole run. Unique URLs are keyed by checkUrl, or by the URL as written when
 * there is none (invalid hrefs, mailto:, …), so `byStatus` sums to `uniqueUrls` and a
 * skipped link is counted, not silently dropped. Every status key is present. Links that are
 * not sources (`role`) are not counted, but for the URLs of links on names (checked, see
 * isCheckedRole), and a credit from outside a block (`via`) is counted
 * once, where its link is written.
 */
export function computeTotals(posts: readonly ReportPost[], findings: readonly Finding[]): ReportTotals {
  const byStatus = Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as Record<LinkStatus, number>;
  const statusOf = new Map<string, LinkStatus>();
  let blocks = 0;
  let claims = 0;
  let citations = 0;
  let damagedAnchors = 0;
  // Index loops: this runs once over every block, mostly unoptimised, where for…of makes an
  // iterator and its result objects for each block's citations (8 MB for 100,000 paragraphs).
  for (const post of posts) {
    const postBlocks = post.blocks;
    for (let b = 0; b < postBlocks.length; b++) {
      const block = postBlocks[b];
      blocks += 1;
      if (block.isClaim) claims += 1;
      damagedAnchors += damagedAnchorCount(block);
      const blockCitations = block.citations;
      for (let i = 0; i < blockCitations.length; i++) {
        const c = blockCitations[i];
        // Links on names (role entity) are checked, so their URLs count; they are not citations.
        if (c.via !== undefined || !isCheckedRole(c.role)) continue;
        if (c.role === undefined) citations += 1;
        // Prefixes keep an invalid raw href from colliding with a real checkUrl.
        const key = c.checkUrl !== undefined ? `check ${c.checkUrl}` : `raw ${c.url}`;
        if (!statusOf.has(key)) statusOf.set(key, c.status);
      }
    }
  }
  for (const status of statusOf.values()) byStatus[status] += 1;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  // Every finding, also those past the per-block cap (a summary finding stands for them).
  for (const f of findings) bySeverity[f.severity] += findingCount(f);
  return {
    posts: posts.length,
    blocks,
    claims,
    citations,
    uniqueUrls: statusOf.size,
    damagedAnchors,
    byStatus,
    findings: bySeverity,
  };
}
