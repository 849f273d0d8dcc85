import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CitecheckOptions } from './options.js';

/**
 * The one place defaults live; `--help` prints them from here.
 *
 * Why these numbers: a citation audit hits many different news and government sites, a few
 * links each, so global parallelism pays while per-host politeness matters more than raw
 * speed. lychee uses 128 global / 10 per host / 50 ms; we run on 2-core CI machines and hit
 * publishers that rate-limit bots, so we use 32 global, 4 per host and 100 ms between request
 * starts to one host (10 req/s), which stays under common CDN bot thresholds.
 */
/**
 * Share of the whole-check bound that one attempt may wait for headers, or between body
 * chunks: most of it, so a slow but working server can answer, yet not all, so a hung first
 * attempt leaves time for a retry. Derived, so that raising --timeout helps a slow server.
 */
export const ATTEMPT_SHARE_OF_TIMEOUT = 0.75;

/** Per-attempt headers and body timeouts for a whole-check bound. */
export function attemptTimeoutMs(timeoutMs: number): number {
  return Math.round(timeoutMs * ATTEMPT_SHARE_OF_TIMEOUT);
}

const TIMEOUT_MS = 20_000;

export const DEFAULTS: Readonly<CitecheckOptions> = Object.freeze({
  concurrency: 32,
  hostConcurrency: 4,
  hostIntervalMs: 100,
  timeoutMs: TIMEOUT_MS,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: attemptTimeoutMs(TIMEOUT_MS),
  bodyTimeoutMs: attemptTimeoutMs(TIMEOUT_MS),
  retries: 3,
  retryBaseDelayMs: 1_000,
  retryAfterMaxMs: 60_000,
  maxRedirects: 10,
  maxBodyBytes: 5 * 1024 * 1024,
  method: 'get',
  userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
  headers: [],
  accept: '200..299',
  allowPrivate: false,
  offline: false,
  checkFragments: false,
  soft404Probe: false,
  checkQuotes: true,
  include: [],
  exclude: [],
  includeMedia: false,
  linkify: false,
  ignore: [],
  claims: { attributionWords: [], attributionIgnore: [], figureIgnore: [] },
  cache: undefined,
  cacheMaxAgeMs: 24 * 60 * 60 * 1000,
  failOn: 'error',
  hosts: {},
  postTypes: ['posts', 'pages'],
  statuses: ['publish'],
} satisfies CitecheckOptions);

/**
 * Cache entries not checked for this long are forgotten when the cache is loaded (never less
 * than the cache max age): a URL no post cites any more should not grow the file forever,
 * while one still cited is re-checked, and so kept, by every run.
 */
export const CACHE_FORGET_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

/** Default cache file used by `--cache` without a path. */
export const DEFAULT_CACHE_PATH = '.citecheck-cache.json';

/** Default directory of `--report FORMAT` files. */
export const DEFAULT_REPORT_DIR = 'reports';
