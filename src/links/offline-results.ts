import type { CheckResult, ExtractedPost } from '../types.js';
import { planTarget, type PlanOptions } from './plan.js';
import { isTarget } from './targets.js';

/** What the report asks of a run's results: the result of a target URL, if it is one. */
export type ResultLookup = Pick<ReadonlyMap<string, CheckResult>, 'get'>;

/**
 * The results of an offline run, worked out as the report asks for them. Offline, every target
 * is decided by the plan from its URL alone (a URL rule, a host's `check: false`, the shard, or
 * `--offline`), so nothing needs keeping per URL: on the 18 MB Markdown bench the targets, the
 * plan and the results map were ~200,000 of each (~60 MB) beside the posts, at the run's peak.
 * The same verdicts as planTargets gives, and no result for a URL that is no target.
 */
export function offlineResults(posts: readonly ExtractedPost[], options: PlanOptions): ResultLookup {
  const untargeted = untargetedUrls(posts);
  const checkedAt = new Date().toISOString();
  const now = (): string => checkedAt;
  // One string per reason (an example domain's names its host): a citation keeps its reason.
  const reasons = new Map<string, string>();
  // The last answer: the report asks twice in a row for a citation (its verdict, its findings).
  let lastUrl: string | undefined;
  let last: CheckResult | undefined;
  return {
    get(url: string): CheckResult | undefined {
      if (url === lastUrl) return last;
      lastUrl = url;
      if (untargeted.has(url)) return (last = undefined);
      const planned = planTarget({ url, fragments: [], quotes: [] }, options, {}, now);
      // Offline, the plan decides every target (see planTarget): never `check`.
      last = planned.action === 'check' ? undefined : planned.result;
      if (last?.reason !== undefined) {
        const known = reasons.get(last.reason);
        if (known === undefined) reasons.set(last.reason, last.reason);
        else last.reason = known;
      }
      return last;
    },
  };
}

/**
 * The check URLs that no target cites, only links that are no target (a link that is not a
 * source, an ignored link, a credited copy): usually none or a few. A result is kept for every
 * other URL a citation checks, as planTargets does.
 */
function untargetedUrls(posts: readonly ExtractedPost[]): Set<string> {
  const urls = new Set<string>();
  for (const post of posts)
    for (const block of post.blocks)
      for (const c of block.citations) if (c.checkUrl !== undefined && !isTarget(c)) urls.add(c.checkUrl);
  if (urls.size === 0) return urls;
  for (const post of posts)
    for (const block of post.blocks) for (const c of block.citations) if (isTarget(c)) urls.delete(c.checkUrl);
  return urls;
}
