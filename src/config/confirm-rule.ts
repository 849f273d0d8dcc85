import { parseDuration } from './duration.js';
import type { ConfirmRule } from './options.js';

/** Parses `--confirm` "3x3d": a whole number of checks ≥ 1 and a duration; undefined when malformed. */
export function parseConfirmRule(text: string): ConfirmRule | undefined {
  const m = /^\s*(\d+)\s*x\s*(\S.*)$/i.exec(text);
  if (!m) return undefined;
  const checks = Number(m[1]);
  const spanMs = parseDuration(m[2]);
  if (!Number.isInteger(checks) || checks < 1 || spanMs === undefined) return undefined;
  return { checks, spanMs };
}
