import type { Shard } from '../types.js';

// More runners than this is a mistake, not a plan (and keeps "1/100000000" out of reports).
const MAX_SHARDS = 1000;

/** Reads `k/n` (1 ≤ k ≤ n ≤ 1000) for `--shard`; undefined when it is not one. */
export function readShard(text: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count && count <= MAX_SHARDS ? { index, count } : undefined;
}
