/**
 * The plan: before any request, every target is classified in one place. The engine is then
 * handed only the targets to check; everything else has its result here, with the rule that
 * decided it. (The private-address policy is the one refusal not made here: it is decided on
 * the address a name resolves to, at connect time and on every redirect hop, by the engine.)
 */

import { hostOverride } from '../config/host-override.js';
import type { CitecheckOptions } from '../config/options.js';
import type { CheckResult, CheckTarget, Citation, CitationRole, Shard } from '../types.js';
import { classifyUrl, type UrlRule } from './filter.js';
import { isInShard, otherShardReason } from './shard.js';

/** What the plan does with a target. */
export type PlanAction = 'check' | 'skipped' | 'excluded' | 'unchecked' | 'cached';

/** The rule behind a target that gets no request: a rule of the URL, or of the run. */
export type PlanRule =
  | UrlRule
  /** --offline: nothing is requested. */
  | 'offline'
  /** The host is configured with `check: false`. */
  | 'host-config'
  /** A fresh ok result from the cache answers it. */
  | 'cache'
  /** --shard k/n: another shard checks the link's site. */
  | 'shard';

/** A target the engine checks. */
interface TargetToCheck {
  /** Goes to the engine. */
  action: 'check';
  /** The target, as collected. */
  target: CheckTarget;
}

/** A target decided without a request. */
interface TargetDecided {
  /** How it is reported: its result's status, or `cached`. */
  action: Exclude<PlanAction, 'check'>;
  /** The target, as collected. */
  target: CheckTarget;
  /** Which rule decided it. */
  rule: PlanRule;
  /** Its result (from the cache, or made here with attempts 0). */
  result: CheckResult;
}

/** One target with what the plan decided for it. */
export type PlannedTarget = TargetToCheck | TargetDecided;

/** The plan of a run: every unique target, in first-appearance order, with its action. */
export interface Plan {
  /** One entry per unique target URL. */
  targets: PlannedTarget[];
}

/** What planning may consult besides the options. */
export interface PlanInputs {
  /** A fresh ok result remembered for a URL (the results cache), if any. */
  cached?: (url: string) => CheckResult | undefined;
  /** Clock in ms, for the time stamp of results made here. */
  now?: () => number;
}

/** The options planning reads. */
export type PlanOptions = Pick<
  CitecheckOptions,
  'include' | 'exclude' | 'allowPrivate' | 'offline' | 'hosts' | 'checkFragments' | 'checkQuotes'
> & { shard?: Shard };

/**
 * Classifies every target: `check`, or `skipped`/`excluded`/`unchecked`/`cached` with its
 * result. Rules apply in this order: --shard (another runner's site), a host configured `check: false` (a reporting choice,
 * whatever the URL, unless an --include pattern matches it), then the URL rules of links/filter.ts, then --offline, then the cache
 * (never for a target whose fragments or quotes need today's page). Targets are unique per URL
 * by contract; a duplicate is planned once. Patterns come compiled by the config layer.
 */
export function planTargets(targets: readonly CheckTarget[], options: PlanOptions, inputs: PlanInputs = {}): Plan {
  const clock = inputs.now ?? Date.now;
  // One time stamp string per millisecond, not one Date and one string per decided target.
  let lastMs = Number.NaN;
  let lastStamp = '';
  const now = (): string => {
    // Date keeps whole milliseconds (the clock may be finer).
    const ms = Math.trunc(clock());
    if (ms !== lastMs) {
      lastMs = ms;
      lastStamp = new Date(ms).toISOString();
    }
    return lastStamp;
  };
  const planned: PlannedTarget[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.url)) continue;
    seen.add(target.url);
    planned.push(planTarget(target, options, inputs, now));
  }
  return { targets: planned };
}

export function planTarget(
  target: CheckTarget,
  options: PlanOptions,
  inputs: PlanInputs,
  now: () => string,
): PlannedTarget {
  const decided = (
    action: TargetDecided['action'],
    rule: PlanRule,
    fields: Pick<CheckResult, 'status'> & Partial<CheckResult>,
  ): TargetDecided => ({
    action,
    target,
    rule,
    result: decidedResult(target.url, now(), fields),
  });
  // First: a link of another shard's site is that runner's to judge, whatever else applies.
  if (options.shard && !isInShard(target.url, options.shard)) {
    return decided('unchecked', 'shard', { status: 'unchecked', reason: otherShardReason(target.url, options.shard) });
  }
  const host = hostOf(target.url);
  // An --include pattern that matches is the user naming this URL: it wins over every exclusion
  // rule (issue 13), a host's `check: false` in the config among them.
  if (host && hostOverride(options, host)?.check === false && !options.include.some((p) => p.test(target.url))) {
    return decided('unchecked', 'host-config', {
      status: 'unchecked',
      reason: `checking disabled for ${host.hostname} in the config`,
    });
  }
  const classified = classifyUrl(target.url, options, host);
  if (classified) {
    const { rule, ...fields } = classified;
    return decided(classified.status, rule, fields);
  }
  if (options.offline) return decided('unchecked', 'offline', { status: 'unchecked', reason: '--offline' });
  // A fragment or quote check needs today's page: an ok from the cache cannot answer it.
  const needsPage =
    (options.checkFragments && target.fragments.length > 0) || (options.checkQuotes && target.quotes.length > 0);
  const cached = needsPage ? undefined : inputs.cached?.(target.url);
  if (cached) return { action: 'cached', target, rule: 'cache', result: cached };
  if (host) PARSED.set(target, host);
  return { action: 'check', target };
}

/**
 * A result decided without a request. Its common fields are one literal (status, code, reason:
 * what the plan decides): spread after the fixed fields, they went to a second object, ~40
 * bytes on each of the 150,000 results an offline run of the 18 MB Markdown bench keeps to
 * its report. Any other field is copied after them.
 */
function decidedResult(
  url: string,
  checkedAt: string,
  fields: Pick<CheckResult, 'status'> & Partial<CheckResult>,
): CheckResult {
  const { status, errorCode, reason } = fields;
  // One shared chain: every result the plan decides was never redirected, and an offline
  // run of a long post keeps one per URL (and its report one per citation) to the end.
  const redirects = NO_REDIRECTS;
  let result: CheckResult;
  if (reason === undefined) result = { url, redirects, attempts: 0, checkedAt, durationMs: 0, status };
  else if (errorCode === undefined) result = { url, redirects, attempts: 0, checkedAt, durationMs: 0, status, reason };
  else result = { url, redirects, attempts: 0, checkedAt, durationMs: 0, status, errorCode, reason };
  for (const key of Object.keys(fields) as Array<keyof CheckResult>)
    if (!(key in result)) (result as unknown as Record<string, unknown>)[key] = fields[key];
  return result;
}

/** The redirect chain of a result decided without a request (shared, frozen: never changed). */
const NO_REDIRECTS: CheckResult['redirects'] = Object.freeze([]) as unknown as CheckResult['redirects'];

function hostOf(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined; // not a URL: the URL rules say so
  }
}

/**
 * The parse the plan made of each target it sends to the engine, so the engine's queue and the
 * check take it instead of parsing the URL again (twice per link: ~4,000 URLs parsed, and
 * ~1.7 MB allocated, on a page of 2,000 links, half of it before the first request). Never
 * mutated: whoever needs another URL makes a new one.
 */
const PARSED = new WeakMap<CheckTarget, URL>();

/** The plan's parse of a target's URL, if the plan sent the target to the engine. */
export function plannedUrl(target: CheckTarget): URL | undefined {
  return PARSED.get(target);
}

/** The targets the plan sends to the engine, in plan order. */
export function targetsToCheck(plan: Plan): CheckTarget[] {
  return plan.targets.filter((p): p is TargetToCheck => p.action === 'check').map((p) => p.target);
}

/** The results the plan decided without a request, in plan order. */
export function decidedResults(plan: Plan): CheckResult[] {
  return plan.targets.filter((p): p is TargetDecided => p.action !== 'check').map((p) => p.result);
}

/**
 * Why a citation that is no target gets no request. A malformed URL is `skipped` with
 * INVALID_URL; a relative link in a post with no URL to resolve it against, or an in-post
 * #fragment, has nothing to request and is `skipped`. Extraction gives every other link a
 * check key (mailto: and tel: too, so the URL rules skip them as targets); a citation built by
 * hand without one is `skipped` too, for its scheme when that is not http(s). A link the user
 * asked to ignore (a citecheck-ignore comment, the config's `ignore` list) is `excluded`, and a
 * link to the site that only its generator can resolve (`{{< ref "x.md" >}}`) is `unchecked`,
 * each with the reason extraction gave.
 */
export function untargetedVerdict(
  citation: Pick<Citation, 'url' | 'invalid' | 'ignored' | 'unresolved'>,
): Pick<CheckResult, 'status' | 'errorCode' | 'reason'> {
  if (citation.ignored !== undefined) return { status: 'excluded', reason: citation.ignored };
  if (citation.unresolved !== undefined) return { status: 'unchecked', reason: citation.unresolved };
  if (citation.invalid !== undefined) return { status: 'skipped', errorCode: 'INVALID_URL', reason: citation.invalid };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(citation.url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (citation.url.startsWith('#')) return { status: 'skipped' };
    return { status: 'skipped', reason: 'relative link and the post has no URL to resolve it against' };
  }
  if (scheme === 'http' || scheme === 'https') return { status: 'skipped' };
  return { status: 'skipped', errorCode: 'UNSUPPORTED_SCHEME', reason: `${scheme}: link` };
}

/**
 * True for a link that is requested and whose failures are reported: a source (no role), or a
 * link on a name in the article's prose (`entity`), which readers follow though it is not a
 * source: a dead profile or home page is a dead link in the post. Widgets, tag pages and the
 * site's navigation are not requested.
 */
export function isCheckedRole(role: CitationRole | undefined): boolean {
  return role === undefined || role === 'entity';
}

/**
 * The verdict of a link that is not a source (it has a `role`) and whose URL no source cites:
 * not requested (see collectTargets), reported `excluded` with the role as the reason.
 */
export function roleVerdict(role: CitationRole): Pick<CheckResult, 'status' | 'errorCode' | 'reason'> {
  return { status: 'excluded', errorCode: 'NOT_A_SOURCE', reason: `not a source (${role} link), not checked` };
}
