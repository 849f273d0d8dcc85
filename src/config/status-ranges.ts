/** A predicate over HTTP status codes, compiled once from ranges such as "200..299,403". */
export interface StatusMatcher {
  /** True when `status` is in one of the ranges. */
  (status: number): boolean;
  /** The ranges as they were written (the results cache keys its verdicts on them). */
  readonly source: string;
}

/**
 * Compiles status ranges: comma-separated codes or `a..b` ranges ("200..299,403"). Throws a
 * SyntaxError naming the bad part, as `new RegExp` does: the config layer says where the
 * value came from (a flag or a config key).
 */
export function parseStatusRanges(text: string): StatusMatcher {
  const ranges: Array<[number, number]> = [];
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new SyntaxError('must name at least one status, e.g. 200..299,403');
  for (const part of parts) {
    const m = /^(\d{3})(?:\s*\.\.\s*(\d{3}))?$/.exec(part);
    if (!m) throw new SyntaxError(`${JSON.stringify(part)} is not a status or a range like 200..299`);
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (high < low) throw new SyntaxError(`range ${part} is reversed`);
    ranges.push([low, high]);
  }
  const matcher = (status: number): boolean => ranges.some(([low, high]) => status >= low && status <= high);
  return Object.assign(matcher, { source: text });
}
