/**
 * The report of one shard of a run (`--shard k/n`): every shard extracts every post, so each
 * has the whole structure, but a finding is reported by one shard only — a link's findings by
 * the shard that checks it, the rest (damaged anchors, uncited claims, repaired inputs,
 * malformed URLs) by shard 1 — so the shards' findings add up to the whole run's.
 */
import { sha256 } from '../hash.js';
import { shardOf } from '../links/shard.js';
import { damagedAnchorCount, type Finding, type ReportCitation, type ReportPost, type Shard } from '../types.js';

/** The shard (1-based, of `count`) that reports `finding`. */
function findingShard(finding: Finding, count: number): number {
  if (finding.url === undefined || finding.code === 'LINK_INVALID') return 1;
  return shardOf(finding.url, count);
}

/** The shard (1-based, of `count`) whose verdict a citation carries: the one that checks its URL. */
export function citationShard(citation: ReportCitation, count: number): number {
  return citation.checkUrl === undefined ? 1 : shardOf(citation.checkUrl, count);
}

/** The findings `shard` reports, in their order. */
export function shardFindings(findings: readonly Finding[], shard: Shard): Finding[] {
  return findings.filter((f) => findingShard(f, shard.count) === shard.index);
}

/**
 * A fingerprint of what was extracted (posts, blocks, texts, cited URLs), the same for every
 * shard of one run, so reports of different inputs are not merged.
 */
export function inputsFingerprint(posts: readonly ReportPost[]): string {
  const hash = sha256();
  for (const post of posts) {
    hash.update(`\u0001${post.source}\u0000${post.id ?? ''}\u0000${post.blocks.length}`);
    for (const block of post.blocks) {
      hash.update(`\u0002${block.kind}\u0000${block.text}\u0000${damagedAnchorCount(block)}`);
      for (const c of block.citations) hash.update(`\u0003${c.url}`);
    }
  }
  return hash.digest('hex');
}
