import { describe, expect, it } from 'vitest';
import { capNesting } from '../../src/sources/html-nesting.js';

describe('capNesting skips the scan when too few start tags could nest past the cap', () => {
  it('caps at the boundary exactly: max start tags nest, one more is cut', () => {
    expect(capNesting(`${'<div>'.repeat(3)}x${'</a>'.repeat(50)}`, 3)).toEqual({
      html: `${'<div>'.repeat(3)}x${'</a>'.repeat(50)}`,
      dropped: 0,
    });
    const four = capNesting(`${'<div>'.repeat(4)}x`, 3);
    expect(four.dropped).toBe(1);
    expect(four.html).toBe(`${'<div>'.repeat(3)}     x`);
    // "<" and no letter starts no tag; "<!--" no element either.
    expect(capNesting(`<div><div>${'< 1 <!-- c -->'.repeat(10)}<div>x`, 2).dropped).toBe(1);
  });
});
