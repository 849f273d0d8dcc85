import { UsageError } from '../errors.js';

/** A predicate over HTTP status codes. */
export type StatusMatcher = (status: number) => boolean;

const cache = new Map<string, StatusMatcher>();

/**
 * Parses "--accept" status ranges: comma-separated codes or `a..b` ranges ("200..299,403").
 * Throws UsageError naming the bad part.
 */
export function parseStatusRanges(text: string): StatusMatcher {
  const hit = cache.get(text);
  if (hit) return hit;
  const ranges: Array<[number, number]> = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{3})(?:\s*\.\.\s*(\d{3}))?$/.exec(part);
    if (!m) throw new UsageError(`--accept: ${JSON.stringify(part)} is not a status or a range like 200..299`);
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (high < low) throw new UsageError(`--accept: range ${part} is reversed`);
    ranges.push([low, high]);
  }
  const matcher: StatusMatcher = (status) => ranges.some(([low, high]) => status >= low && status <= high);
  cache.set(text, matcher);
  return matcher;
}
