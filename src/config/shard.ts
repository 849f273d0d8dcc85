import { UsageError } from '../errors.js';
import type { Shard } from '../types.js';

// More runners than this is a mistake, not a plan (and keeps "1/100000000" out of reports).
const MAX_SHARDS = 1000;

/** Parses `k/n` (1 ≤ k ≤ n ≤ 1000) for `--shard`; a one-line UsageError otherwise. */
export function parseShard(text: string, flag = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || index < 1 || count < 1 || index > count || count > MAX_SHARDS)
    throw new UsageError(`${flag}: expected k/n with 1 ≤ k ≤ n ≤ ${MAX_SHARDS}, e.g. 2/4, got "${text}"`);
  return { index, count };
}
