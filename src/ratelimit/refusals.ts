/**
 * When a host that keeps refusing (429/503) is given up. Without this, a host answering
 * `429 Retry-After: 3600` to each of 1,000 links paused its lane for --retry-after-max per
 * link: one request a minute, 17 hours for one run.
 */
export interface RefusalPolicy {
  /** Longest pause honoured for one refusal (--retry-after-max). */
  maxPauseMs: number;
  /** Refusals in a row, with no other answer between, that give the host up. */
  strikes: number;
  /** Total waiting past its configured gap a host may impose before it is given up. */
  budgetMs: number;
}

/** Refusals in a row that give a host up: a few, so one busy moment is not mistaken for a wall. */
const GIVE_UP_AFTER_REFUSALS = 3;

/**
 * The policy for a run: a Retry-After up to --retry-after-max pauses the host; a host may keep
 * the run waiting for three such pauses in all, so its share of the run stays bounded.
 */
export function refusalPolicy(retryAfterMaxMs: number): RefusalPolicy {
  const maxPauseMs = Math.max(0, retryAfterMaxMs);
  return { maxPauseMs, strikes: GIVE_UP_AFTER_REFUSALS, budgetMs: GIVE_UP_AFTER_REFUSALS * maxPauseMs };
}

/** Thrown for every request to a host that was given up; the checker reports it `blocked`. */
export class HostGaveUpError extends Error {
  /** Stable code, like undici's. */
  readonly code = 'CITECHECK_HOST_GAVE_UP';
  /** The host given up. */
  readonly host: string;
  /** Why, after the host's name ("refused 3 times in a row (HTTP 429 …)"). */
  readonly why: string;

  constructor(host: string, why: string) {
    super(`not requested: ${host} ${why}`);
    this.name = 'HostGaveUpError';
    this.host = host;
    this.why = why;
  }
}

/** One refusal as the lane sees it. */
export interface Refusal {
  /** HTTP status (429 or 503). */
  status: number;
  /** Wait asked by Retry-After, in ms, when given. */
  retryAfterMs?: number;
  /** When the refused request started (lane clock). */
  startedAt: number;
}

/** What the lane does about a refusal: pause for `pauseMs`, or give up with a reason. */
export type RefusalDecision = { pauseMs?: number; giveUp?: undefined } | { giveUp: string };

// A server may ask for any wait (Retry-After: 1e20): past a year, the figure says nothing more
// and would print in exponent notation.
const YEAR_MS = 365 * 24 * 3600 * 1000;
const seconds = (ms: number): string => (ms > YEAR_MS ? 'more than a year' : `${Math.round(ms / 1000)} s`);

/** "HTTP 429, asking to wait 3600 s": a refusal as the reasons quote it. */
export function describeRefusal(refusal: Refusal): string {
  const asked = refusal.retryAfterMs !== undefined ? `, asking to wait ${seconds(refusal.retryAfterMs)}` : '';
  return `HTTP ${refusal.status}${asked}`;
}

/**
 * Counts a host's refusals. A refusal is a strike when the server asks for a longer wait than
 * any check here will sit out, or when the refused request started after the lane had already
 * slowed down or paused for this host (we did as asked and it still refuses). Refusals of
 * requests already in flight when the first one came back are not strikes, so a rate limiter
 * that turns away a burst once is not given up. Any other answer clears the strikes. (The
 * waiting budget is kept by the lane, which sees the waits themselves.)
 */
export class RefusalLedger {
  private readonly policy: RefusalPolicy;
  private strikes = 0;
  private lastBackoffAt = Number.POSITIVE_INFINITY;

  constructor(policy: RefusalPolicy) {
    this.policy = policy;
  }

  /** Records a refusal seen at `now`. */
  refused(refusal: Refusal, now: number): RefusalDecision {
    const { maxPauseMs, strikes } = this.policy;
    const beyond = refusal.retryAfterMs !== undefined && refusal.retryAfterMs > maxPauseMs;
    if (beyond || refusal.startedAt >= this.lastBackoffAt) this.strikes += 1;
    if (this.strikes >= strikes) {
      const limit = beyond ? ` (more than the ${seconds(maxPauseMs)} --retry-after-max)` : '';
      return { giveUp: `refused ${this.strikes} times in a row (${describeRefusal(refusal)}${limit})` };
    }
    this.lastBackoffAt = now;
    // A wait nobody will sit out is not honoured: the lane only slows down.
    return { pauseMs: refusal.retryAfterMs !== undefined && !beyond ? refusal.retryAfterMs : undefined };
  }

  /** The host answered something other than a refusal. */
  answered(): void {
    this.strikes = 0;
  }
}
