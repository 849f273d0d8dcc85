import { describe, expect, it } from 'vitest';
import { figuresOf as figures } from '../helpers/claim-posts.js';

// "Consider that …" puts a fact to the reader, no step to take: its figures are figures (issue 8,
// label37 whitehouse#12: "Consider that … two out of three of all jobs will require …", uncited).

describe('"Consider that …"', () => {
  it('a figure after it is a figure', () => {
    expect(figures('Consider that by the end of the decade, two out of three jobs will require a degree.')).toEqual([
      'two out of three',
    ]);
  });

  it('"Consider" as a step still tells the reader what to do', () => {
    expect(figures('Consider using two out of three of the spare drives for backups.')).toEqual([]);
  });
});
