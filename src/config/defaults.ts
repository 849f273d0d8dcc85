import type { CitecheckOptions } from './options.js';
import { defaultOptions } from './resolve.js';

/** The default options of a run, compiled from the option table (the one place defaults live). */
export const DEFAULTS: Readonly<CitecheckOptions> = Object.freeze(defaultOptions());

/**
 * Cache entries not checked for this long are forgotten when the cache is loaded (never less
 * than the cache max age): a URL no post cites any more should not grow the file forever,
 * while one still cited is re-checked, and so kept, by every run.
 */
export const CACHE_FORGET_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Politeness towards the archive (`--archive-endpoint`): one request in flight and 1 s between
 * request starts (60 a minute). The Internet Archive answers bursts with 429 and blocks
 * clients that keep going, and its answers are cached (below), so lookups are paid once.
 * A `hosts` entry for the archive's host in the config overrides these.
 */
export const ARCHIVE_HOST_LIMITS: Readonly<{ concurrency: number; intervalMs: number }> = Object.freeze({
  concurrency: 1,
  intervalMs: 1_000,
});

/**
 * `--drift`: below this similarity a live source has changed (SOURCE_CHANGED): less than half
 * its text is the captured text. Here, not in archive/drift.ts, so the report builder does not
 * load the HTML parser drift needs.
 */
export const DRIFT_THRESHOLD = 0.5;

/** How long a found capture is reused from the cache: captures do not go away. */
export const ARCHIVE_FOUND_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** How long "no capture" is reused from the cache: someone may archive the page tomorrow. */
export const ARCHIVE_MISSING_MAX_AGE_MS = 24 * 60 * 60 * 1000;
