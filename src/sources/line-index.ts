/** Line lookups in one text: its line starts are found once, each lookup is a binary search. */
export interface LineIndex {
  /** 1-based line of an offset. */
  line: (offset: number) => number;
  /** 1-based line and column of an offset. */
  lineColumn: (offset: number) => { line: number; column: number };
}

/**
 * Indexes the line starts of `text`. Scanning from the start for every offset made reading a
 * large export quadratic (minutes instead of a second), so callers keep one index per text.
 */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      // A newline at offset-1 starts the line at offset.
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    line: (offset) => lineAt(offset) + 1,
    lineColumn: (offset) => {
      const at = lineAt(offset);
      return { line: at + 1, column: offset - starts[at] + 1 };
    },
  };
}
