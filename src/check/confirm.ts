import type { ConfirmRule } from '../config/options.js';
import type { CheckResult } from '../types.js';

/**
 * True for failures that one run cannot tell from a bad moment: a timeout, a refused or reset
 * connection, a DNS failure, a 5xx. A 404, a 410 or a soft 404 is the server's considered
 * answer, so it is dead at once.
 */
export function isTransientFailure(result: Pick<CheckResult, 'status' | 'httpStatus'>): boolean {
  if (result.status === 'timeout' || result.status === 'unreachable') return true;
  return result.status === 'broken' && result.httpStatus !== undefined && result.httpStatus >= 500;
}

/**
 * `--confirm <n>x<span>` (InternetArchiveBot's rule: dead after failing n checks spanning
 * span): marks each transient failure `unconfirmed` until its history in the cache shows n
 * failed checks in a row, the first at least `span` before the last. Such a link is reported as
 * LINK_FAILING (a warning) instead of its usual finding. In place; returns how many were marked.
 */
export function markUnconfirmed(results: Map<string, CheckResult>, rule: ConfirmRule): number {
  let marked = 0;
  for (const result of results.values()) {
    if (!isTransientFailure(result)) continue;
    const history = result.history;
    const checks = history?.failingChecks ?? (history?.failingSince ? 1 : 0);
    const since = history?.failingSince ? Date.parse(history.failingSince) : Number.NaN;
    const span = Date.parse(result.checkedAt) - since;
    const confirmed = checks >= rule.checks && span >= rule.spanMs;
    if (!confirmed) {
      result.unconfirmed = true;
      marked += 1;
    }
  }
  return marked;
}
