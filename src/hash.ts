import type { BinaryToTextEncoding, Hash } from 'node:crypto';

/**
 * node:crypto loaded on first use: its ~15 internal modules took ~3 ms of every run's start
 * (imported by the results cache, the report's shard fingerprint and two formatters), and a
 * `check --offline` or a run without --cache never hashes anything.
 */
function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}

/** A new SHA-256 hash (crypto.createHash('sha256')). */
export function sha256(): Hash {
  return crypto().createHash('sha256');
}

/** The SHA-256 digest of `text` (UTF-8) in `encoding`. */
export function sha256Of(text: string, encoding: BinaryToTextEncoding): string {
  return sha256().update(text, 'utf8').digest(encoding);
}

/** `size` random bytes, as hex (crypto.randomBytes). */
export function randomHex(size: number): string {
  return crypto().randomBytes(size).toString('hex');
}
