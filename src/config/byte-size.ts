/** How to write a size, for every message that rejects one. */
export const BYTE_SIZE_HINT = 'use a number of bytes or 512k, 5M, 1G (KiB, MiB, GiB: units of 1024)';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * Parses a byte size: a whole number of bytes, or a number with a unit k/m/g (also written
 * KB, KiB, MB, MiB, GB, GiB; always powers of 1024, as the defaults are written). Undefined
 * for anything else, so the caller can name the option.
 */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Math.round(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Formats bytes the way parseByteSize reads them, choosing the largest exact unit ("50MiB"). */
export function formatByteSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', UNITS.g],
    ['MiB', UNITS.m],
    ['KiB', UNITS.k],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}
