import type { TableOptions } from './option-table.js';

export type { HostOverride } from './option-table.js';

/**
 * Everything a run is configured with, compiled: the options OPTION_TABLE declares (durations
 * in ms, include/exclude as RegExp[], accept as a StatusMatcher) plus the engine's own tuning.
 * Build it with resolveOptions(); defaults live in the table only.
 */
export type CitecheckOptions = TableOptions & EngineTuning;

/** Values derived from the options or fixed by design, not set by the user. */
interface EngineTuning {
  /** Time to wait for response headers, in ms (3/4 of the timeout). */
  headersTimeoutMs: number;
  /** Time allowed between body chunks, in ms (3/4 of the timeout). */
  bodyTimeoutMs: number;
  /** First backoff delay, in ms (doubles each retry, with jitter). */
  retryBaseDelayMs: number;
}

/** `--confirm 3x3d`: how much failing makes a transiently failing link dead. */
export interface ConfirmRule {
  /** Failed checks in a row needed. */
  checks: number;
  /** Time from the first of them to the last one, in ms. */
  spanMs: number;
}

/** A header to send, optionally only to one host. */
export interface HeaderRule {
  /** Host it is limited to; undefined = every host (still dropped on cross-origin redirects). */
  host?: string;
  /** Header name. */
  name: string;
  /** Header value. */
  value: string;
}
