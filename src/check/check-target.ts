import { hostOverride } from '../config/host-override.js';
import { plannedUrl } from '../links/plan.js';
import type { CitecheckOptions } from '../config/options.js';
import type { CheckResult, CheckTarget } from '../types.js';
import { fetchChain, type ChainState, type FetchContext } from './fetch-chain.js';
import { CheckAbort } from './check-abort.js';
import { followAbort } from './follow-abort.js';
import { decodeDocument } from '../sources/decode.js';
import type { RawResponse } from './http-client.js';
import { visibleText } from './page-text.js';
import { missingQuotes } from './quote-match.js';
import { htmlOf, isDeepUrl, isHtmlType, judgeResponse, type ResponseVerdict } from './judge-response.js';
import { pageHeadlines } from './page-signals.js';

/** What one check needs beyond the fetch context. */
export interface CheckContext extends FetchContext {
  /** Ctrl-C: when it fires the check is abandoned and returns undefined. */
  userSignal?: AbortSignal;
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
// Enough for <title>, the first <h1> and challenge markers without reading whole pages.
const SNIFF_BYTES = 256 * 1024;
const CHALLENGE_SNIFF_BYTES = 64 * 1024;

/** Error used as the abort reason when the whole-check bound fires. */
class CheckBoundExceeded extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'CheckBoundExceeded';
  }
}

function bodyLimitFor(options: CitecheckOptions, needWholePage: boolean, wantQuotes = false) {
  return (status: number, headers: Record<string, string>): number => {
    // A plain-text source can hold a quote too; other types (PDF, images) are never read.
    if (wantQuotes && isPlainText(headers) && status >= 200 && status <= 299) return options.maxBodyBytes;
    if (!isHtmlType(headers)) return 0;
    if (status >= 200 && status <= 299)
      return needWholePage ? options.maxBodyBytes : Math.min(options.maxBodyBytes, SNIFF_BYTES);
    if (status === 401 || status === 403 || status === 429 || status === 503)
      return Math.min(options.maxBodyBytes, CHALLENGE_SNIFF_BYTES);
    return 0;
  };
}

/** A made-up sibling of a deep URL: same directory, a last segment no site would have. */
export function probeUrlFor(url: URL, random: () => number): URL | undefined {
  if (!isDeepUrl(url)) return undefined;
  const probe = new URL(url.href);
  const token = `citecheck-probe-${Math.floor(random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0')}`;
  const trailing = probe.pathname.endsWith('/');
  const parts = probe.pathname.replace(/\/+$/, '').split('/');
  parts[parts.length - 1] = token;
  probe.pathname = parts.join('/') + (trailing ? '/' : '');
  probe.search = '';
  return probe;
}

function isPlainText(headers: Record<string, string>): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith('text/plain');
}

/**
 * The cited quotes absent from a page. Undefined (nothing recorded) when the page cannot
 * prove absence: body not read, cut at the size cap, or not an HTML/text document.
 */
export function quotesMissingFrom(response: RawResponse, quotes: string[]): string[] | undefined {
  if (response.body === undefined || response.body.length === 0 || response.truncated) return undefined;
  const html = isHtmlType(response.headers);
  if (!html && !isPlainText(response.headers)) return undefined;
  let text: string;
  try {
    text = decodeDocument(response.body, { contentType: response.headers['content-type'], isHtml: html }).text;
  } catch {
    return undefined; // binary data under a text type: proves nothing
  }
  return missingQuotes(quotes, html ? visibleText(text) : text);
}

/**
 * Checks one unique URL: follows redirects, retries, classifies. Never throws for link
 * failures; returns undefined only when the run was interrupted before the check finished.
 * The whole-check bound (timeoutMs) starts with the first request (time spent queueing for
 * a polite slot is not the link's fault) and nothing of the check outlives it.
 */
export async function checkTarget(target: CheckTarget, ctx: CheckContext): Promise<CheckResult | undefined> {
  const { options, clock } = ctx;
  // Time queued for a polite slot is not the link's: the check starts with its first request.
  let startedAt = clock.now();
  const bound = new CheckAbort();
  let deadline: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  // The bound is a wall-clock safety net, so it runs on a real timer even when tests inject a
  // fake sleep; retry waits are measured against `deadline` on the injected clock.
  const arm = (): void => {
    if (deadline !== undefined) return;
    startedAt = clock.now();
    deadline = startedAt + options.timeoutMs;
    timer = setTimeout(() => bound.abort(new CheckBoundExceeded(options.timeoutMs)), options.timeoutMs);
  };
  // Ctrl-C aborts the bound's controller too (ctx.userSignal says which of the two it was).
  const unfollow = ctx.userSignal ? followAbort(ctx.userSignal, bound) : undefined;
  const signal = bound.signal;
  // The plan's parse of the URL, when the plan made one (it is never mutated).
  const url = plannedUrl(target) ?? new URL(target.url);
  const override = hostOverride(options, url);
  const accept = override?.accept ?? options.accept;
  const wantQuotes = options.checkQuotes && target.quotes.length > 0;
  const needWholePage = (options.checkFragments && target.fragments.length > 0) || wantQuotes;
  // Fragments and quotes need the page, so HEAD is not used for them.
  const method = options.method === 'head' && !needWholePage ? 'head' : 'get';
  const state: ChainState = { attempts: 0, redirects: [], currentUrl: target.url };
  const result = (fields: Partial<CheckResult> & Pick<CheckResult, 'status'>): CheckResult => {
    const finalUrl = state.currentUrl !== target.url ? state.currentUrl : undefined;
    const base: Omit<CheckResult, 'status'> = {
      url: target.url,
      redirects: state.redirects,
      attempts: state.attempts,
      checkedAt: new Date(startedAt).toISOString(),
      durationMs: Math.max(0, Math.round(clock.now() - startedAt)),
    };
    if (finalUrl) base.finalUrl = finalUrl;
    // The same keys in the same order as spreading `fields` after them.
    return Object.assign(base, fields);
  };
  const request = { method, accept: ACCEPT_HTML, signal, onStart: arm, deadline: () => deadline } as const;
  try {
    const outcome = await fetchChain(
      ctx,
      { ...request, url: target.url, parsedUrl: url, bodyLimit: bodyLimitFor(options, needWholePage, wantQuotes) },
      state,
    );
    if (outcome.kind === 'failure') {
      const { status, errorCode, reason } = outcome.failure;
      return result({ status, errorCode, reason, ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}) });
    }
    // Most links answer where they are: their URL is already parsed.
    const finalUrl = outcome.url === url.href ? url : new URL(outcome.url);
    const verdict = judgeResponse(
      target,
      outcome.response,
      finalUrl,
      state.redirects.length > 0,
      accept,
      options.checkFragments,
    );
    if (verdict.status === 'ok' && options.soft404Probe) {
      // A probe that fails or runs out of time proves nothing: the link keeps its verdict.
      const probed = await probeSoft404(ctx, request, url, finalUrl, verdict, state).catch((error: unknown) => {
        if (ctx.userSignal?.aborted) throw error;
        return undefined;
      });
      if (probed) Object.assign(verdict, probed);
    }
    const quotesMissing =
      verdict.status === 'ok' && wantQuotes ? quotesMissingFrom(outcome.response, target.quotes) : undefined;
    // Built in place (same keys, same order) rather than from four conditional spreads.
    const fields: Partial<CheckResult> & Pick<CheckResult, 'status'> = {
      status: verdict.status,
      httpStatus: outcome.response.status,
    };
    if (verdict.errorCode) fields.errorCode = verdict.errorCode;
    if (verdict.reason) fields.reason = verdict.reason;
    if (verdict.missingFragments) fields.missingFragments = verdict.missingFragments;
    if (quotesMissing && quotesMissing.length > 0) fields.missingQuotes = quotesMissing;
    return result(fields);
  } catch (error) {
    if (ctx.userSignal?.aborted) return undefined;
    if (bound.signal.aborted) {
      // The bound cut the retry of an attempt that timed out unanswered, and the retry got no
      // answer either: the same verdict as when no retry fitted at all.
      if (state.unanswered) {
        const { status, errorCode, reason } = state.unanswered;
        return result({ status, errorCode, reason });
      }
      // The bound fired. If the last answer was a refusal being waited out, say so honestly.
      const last = state.lastResponse;
      if (last?.status === 429)
        return result({
          status: 'blocked',
          errorCode: 'RATE_LIMITED',
          httpStatus: 429,
          reason: 'HTTP 429 outlasted the check bound',
        });
      // A server error whose retry did not finish within the bound: that error is our answer
      // (only a retry follows a 5xx, so the chain is still on the URL that gave it).
      if (last !== undefined && last.status >= 500) {
        const verdict = judgeResponse(
          target,
          last,
          new URL(state.currentUrl),
          state.redirects.length > 0,
          accept,
          false,
        );
        return result({
          status: verdict.status,
          httpStatus: last.status,
          errorCode: verdict.errorCode,
          reason: `${verdict.reason ?? `HTTP ${last.status}`}; no retry fitted in ${options.timeoutMs} ms`,
        });
      }
      return result({
        status: 'timeout',
        errorCode: 'RESPONSE_TIMEOUT',
        reason: `no complete answer within ${options.timeoutMs} ms`,
      });
    }
    // A bug, not a link failure: keep it visible in the result rather than crash the run.
    return result({
      status: 'unreachable',
      errorCode: 'UNKNOWN',
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    clearTimeout(timer);
    unfollow?.();
  }
}

/**
 * --soft-404-probe: fetch a made-up sibling. If it too answers 2xx with the same final URL
 * or the same title and heading, the site answers everything alike: the link proves nothing.
 */
async function probeSoft404(
  ctx: CheckContext,
  request: {
    method: 'get' | 'head';
    accept: string;
    signal: AbortSignal;
    onStart: () => void;
    deadline: () => number | undefined;
  },
  url: URL,
  finalUrl: URL,
  verdict: ResponseVerdict,
  state: ChainState,
): Promise<Partial<ResponseVerdict> | undefined> {
  const probeUrl = probeUrlFor(url, ctx.random);
  if (!probeUrl) return undefined;
  const probeState: ChainState = { attempts: 0, redirects: [], currentUrl: probeUrl.href };
  const outcome = await fetchChain(
    ctx,
    { ...request, method: 'get', url: probeUrl.href, bodyLimit: bodyLimitFor(ctx.options, false) },
    probeState,
  );
  state.attempts += probeState.attempts;
  if (outcome.kind !== 'response' || outcome.response.status < 200 || outcome.response.status > 299) return undefined;
  const probeFinal = new URL(outcome.url);
  const body = htmlOf(outcome.response);
  // The same reading of the title as the cited page's, so entities compare equal.
  const probeTitle = body !== undefined ? pageHeadlines(body).title : '';
  const sameDestination =
    probeState.redirects.length > 0 && state.redirects.length > 0 && probeFinal.href === finalUrl.href;
  const sameTitle = verdict.page !== undefined && verdict.page.title !== '' && probeTitle === verdict.page.title;
  if (!sameDestination && !sameTitle) return undefined;
  return {
    status: 'soft-404',
    errorCode: 'SOFT_404',
    reason: `a made-up sibling URL (${probeUrl.pathname}) gets the same page`,
  };
}
