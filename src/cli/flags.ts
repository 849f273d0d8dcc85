import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { ConfigFile } from '../config/load.js';
import type { HeaderRule } from '../config/options.js';
import { parseHeaderRule } from '../config/resolve.js';

/** The command-line layer of the options, in the config file's keys. */
export type CliLayer = ConfigFile & { headerRules?: HeaderRule[] };

const INTEGER_FLAGS = ['concurrency', 'hostConcurrency', 'retries', 'maxRedirects', 'maxBodyBytes', 'limit'] as const;
const PASS_THROUGH = [
  'hostInterval',
  'timeout',
  'connectTimeout',
  'retryAfterMax',
  'cacheMaxAge',
  'method',
  'userAgent',
  'accept',
  'failOn',
  'allowPrivate',
  'offline',
  'checkFragments',
  'soft404Probe',
  'checkQuotes',
  'includeMedia',
  'linkify',
  'include',
  'exclude',
  'cache',
  'type',
  'status',
  'after',
  'before',
  'modifiedAfter',
] as const;

/**
 * Maps the flags the user actually typed onto config keys. Values that are only commander
 * defaults are left out so that a config file can still set them.
 */
export function readCliLayer(opts: Record<string, unknown>, cmd: Command): CliLayer {
  const typed = (key: string): boolean => cmd.getOptionValueSource(key) === 'cli' && opts[key] !== undefined;
  const layer: Record<string, unknown> = {};
  for (const key of INTEGER_FLAGS) {
    if (!typed(key)) continue;
    const text = String(opts[key]);
    if (!/^\d+$/.test(text))
      throw new UsageError(
        `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: expected a whole number, got "${text}"`,
      );
    layer[key] = Number(text);
  }
  for (const key of PASS_THROUGH) if (typed(key)) layer[key] = opts[key];
  if (typed('report')) layer.reports = opts.report;
  const cliLayer = layer as CliLayer;
  if (typed('header')) cliLayer.headerRules = (opts.header as string[]).map(parseHeaderRule);
  return cliLayer;
}
