import { describe, expect, it } from 'vitest';
import { attributionsOf as attributions, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// A social post quoted in the text, "@handle: words": what that account wrote (issue 8, recall).

describe('quoted social posts', () => {
  it('a handle and a colon before the words is an attribution', () => {
    expect(attributions('The row went on all night. @harbourwatch: the ferry missed both sailings again.')).toEqual([
      '@harbourwatch:',
    ]);
    // A reply opens with the handle it answers.
    expect(attributions('@quaynews: @harbourwatch That is not what the timetable says.')).toEqual(['@quaynews:']);
  });

  it('a bare mention, an e-mail address or a handle without words is none', () => {
    expect(attributions('Thanks to @harbourwatch for the photos of the quay at dawn.')).toEqual([]);
    expect(attributions('Write to desk@harbour.example: letters are read every week.')).toEqual([]);
    expect(attributions('Follow the account @harbourwatch: 1,200 followers and counting')).toEqual([]);
  });

  it('a quoted post linked only on its handle (a profile) is an uncited claim', () => {
    const p = post(
      'Reading the replies was grim, and the board stayed silent all evening.',
      'Then came the reply from [@quaynews](https://twitter.com/quaynews): the harbour board knew about the cracks in March.',
    );
    expect(uncited(p)).toEqual([1]);
  });
});
