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
