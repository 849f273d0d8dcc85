import { describe, expect, it } from 'vitest';
import { figuresOf as figures } from '../helpers/claim-posts.js';

// Measures written in words (issue 8, recall): "five percent" was no figure where "5%" was.

describe('measures in words', () => {
  it('a number word and a unit is a figure', () => {
    expect(figures('Ferry fares rose five percent last year.')).toEqual(['five percent']);
    expect(figures('About five degrees warmer, and still mild for the season.')).toEqual(['five degrees']);
    expect(figures('The new breakwater runs twenty-two miles along the coast.')).toEqual(['twenty-two miles']);
    expect(figures('The crane lifts three and a half tons.')).toEqual(['three and a half tons']);
  });

  it('not in the author’s sentences or instructions, and not without a unit', () => {
    expect(figures('I ran five miles along the harbour this morning.')).toEqual([]);
    expect(figures('Bake for twenty minutes at two hundred degrees.')).toEqual([]);
    expect(figures('Five boats came in late.')).toEqual([]);
  });
});
