import { describe, expect, it } from 'vitest';
import { textSignals } from '../../src/extract/signals.js';

describe('single-quoted spans', () => {
  it('count as quotes when three words or more sit between quotes that open and close at word edges', () => {
    expect(textSignals("He called it 'a total disaster for us' yesterday.")).toContain('quote');
    expect(textSignals('He called it ‘a total disaster for us’ yesterday.')).toContain('quote');
    expect(textSignals("'We don't know that yet,' she added")).toContain('quote');
  });

  it('never come from apostrophes, short words or decades', () => {
    expect(textSignals("Don't do it, it's John's and the Smiths' dog's bowl.")).not.toContain('quote');
    expect(textSignals("rock 'n' roll and the kids' toys are here and 'em too")).not.toContain('quote');
    expect(textSignals("the '90s were 'great' fun")).not.toContain('quote');
  });
});
