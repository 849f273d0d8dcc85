import { describe, expect, it } from 'vitest';
import { attributionsOf as attributions } from '../helpers/claim-posts.js';

// Reporting verbs in the plural present (issue 8, recall): "Experts warn that …" was no
// attribution, as the reporting verbs held only "warns" and "warned".

describe('plural subjects reporting in the present', () => {
  it('an attribution after a plural third party, with "that"', () => {
    expect(attributions('Experts warn that the harbour wall could fail in a storm surge.')).toEqual([
      'Experts warn that',
    ]);
    expect(attributions('Studies show that ferry crews sleep less than other shift workers.')).toEqual([
      'Studies show that',
    ]);
    expect(attributions('The data suggest that ferry fares rose faster than wages.')).toEqual(['data suggest that']);
    expect(attributions('Still, the dockers’ unions insist that it is more money they need.')).toEqual([
      'unions insist that',
    ]);
    expect(attributions('Some argue that the new terminal was never needed.')).toEqual(['Some argue that']);
    expect(attributions('Critics still contend that the terminal was never needed.')).toEqual([
      'Critics still contend that',
    ]);
  });

  it('not an instruction, the writer or the reader, a modal, their own people or the post’s own things', () => {
    expect(attributions('Note that the ferry leaves from the second pier on Sundays.')).toEqual([]);
    expect(attributions('I argue that the new terminal was never needed.')).toEqual([]);
    expect(attributions('You may find that the ferry is late on Sundays.')).toEqual([]);
    expect(attributions('Critics would argue that the terminal was never needed.')).toEqual([]);
    expect(attributions('My kids insist that the crust is the best part.')).toEqual([]);
    expect(attributions('The tests show that the parser is slow on long lines.')).toEqual([]);
    expect(attributions('This shows that the parser is slow on long lines.')).toEqual([]);
  });
});
