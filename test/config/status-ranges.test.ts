import { describe, expect, it } from 'vitest';
import { parseStatusRanges } from '../../src/config/status-ranges.js';

describe('status ranges', () => {
  it('parses codes and ranges', () => {
    const accept = parseStatusRanges('200..299, 403');
    expect([200, 250, 299, 403].every(accept)).toBe(true);
    expect([300, 404, 199].some(accept)).toBe(false);
    expect(accept.source).toBe('200..299, 403');
  });
  it('rejects garbage naming the bad part (the config layer names the flag or key)', () => {
    expect(() => parseStatusRanges('200-299')).toThrow(/"200-299" is not a status or a range/);
    expect(() => parseStatusRanges('299..200')).toThrow(/range 299..200 is reversed/);
    expect(() => parseStatusRanges(' , ')).toThrow(SyntaxError);
  });
});
