/**
 * Shards of a run (`--shard k/n`): which runner checks which link. A link belongs to a shard by
 * a stable hash of its host's registrable domain (news.example.co.uk and www.example.co.uk are
 * one site), so all the requests to one site, and the politeness they owe it, are one runner's.
 * Pure functions of the URL and n: every runner, and `citecheck merge`, agree without talking.
 */
import { createRequire } from 'node:module';
import type { Shard } from '../types.js';

// tldts (the public suffix list) is loaded by sharded runs only; its CommonJS entry, so the
// load stays synchronous.
const require = createRequire(import.meta.url);
let getDomain: typeof import('tldts').getDomain | undefined;

function registrableDomain(host: string): string | null {
  getDomain ??= (require('tldts') as typeof import('tldts')).getDomain;
  return getDomain(host);
}

/**
 * The key a link is sharded by: the registrable domain of its host (ICANN section of the Public
 * Suffix List), or the host itself when it has none (an IP address, localhost, an unknown
 * suffix). Undefined for a URL without a host.
 */
export function shardKey(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (host === '') return undefined;
  return registrableDomain(host) ?? host;
}

/** FNV-1a (32 bits) of the UTF-16 code units: stable across machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (1-based, of `count`) that checks `url`; a URL without a host is shard 1's. */
export function shardOf(url: string, count: number): number {
  const key = shardKey(url);
  return key === undefined ? 1 : (fnv1a(key) % count) + 1;
}

/** True when `shard` checks `url`. */
export function isInShard(url: string, shard: Shard): boolean {
  return shardOf(url, shard.count) === shard.index;
}

/** The reason given for a link another shard checks. */
export function otherShardReason(url: string, shard: Shard): string {
  return `checked by shard ${shardOf(url, shard.count)}/${shard.count}`;
}
