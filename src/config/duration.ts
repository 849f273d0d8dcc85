/** How to write a duration, for every message that rejects one. */
export const DURATION_HINT = 'use 250ms, 2s, 1m, 1h, 1d, or a number of milliseconds';

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses "250ms", "2s", "1m", "1h", "1d" or a bare number (milliseconds) into ms.
 * Returns undefined for anything else so callers can name the bad option.
 */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) * UNITS[(m[2] ?? 'ms').toLowerCase()];
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

/** Formats ms the way parseDuration reads it, choosing the largest exact unit. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNITS[unit] && ms % UNITS[unit] === 0) return `${ms / UNITS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
