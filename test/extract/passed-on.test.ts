import { describe, expect, it } from 'vitest';
import { attributionsOf as attribution } from '../helpers/claim-posts.js';

// Words passed on from others without a reporting verb (issue 8, label42 cnet and label40
// fortinet: an expectation of no one named, a quotation credited by name, both uncited claims).

describe('passed-on words are attribution', () => {
  it('a passive report or expectation about a named party', () => {
    expect(attribution('Comcast is also expected to launch a streaming TV service next year.')).toEqual([
      'is also expected to launch',
    ]);
    expect(attribution('Ms. Haley was said to have a strained relationship with the secretary.')).toEqual([
      'was said to have',
    ]);
    expect(attribution('Calder Bank is widely rumoured to be worth more than the harbour itself.')).toEqual([
      'is widely rumoured to be',
    ]);
  });

  it('not the writer’s or the reader’s: an instruction or their own story', () => {
    expect(attribution('You are expected to bring your own laptop to the workshop.')).toEqual([]);
    // A thing's schedule is no one's report (claim-recall.test.ts: no position either).
    expect(attribution('The bridge is expected to be finished in May.')).toEqual([]);
    expect(attribution('I was told to wait outside, and we were expected to leave by noon.')).toEqual([]);
  });

  it('not an expectation met ("as expected") or a plan ("is set to")', () => {
    expect(attribution('The build finished as expected, and the release is set to ship on Friday.')).toEqual([]);
  });

  it('a quotation credited by name', () => {
    expect(
      attribution('It was becoming clear that static analysis would not do. To quote George Bernard Shaw:'),
    ).toEqual(['To quote George']);
    expect(attribution('In the words of Ada Lovelace, the engine weaves algebraic patterns.')).toEqual([
      'In the words of Ada',
    ]);
  });

  it('not a quote of a thing ("to quote the manual")', () => {
    expect(attribution('To quote the manual: restart the router.')).toEqual([]);
  });
});
