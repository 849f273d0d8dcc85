import { describe, expect, it } from 'vitest';
import { firsthandWords, newsHead, newsStory, uncited } from '../helpers/claim-posts.js';

// A document the outlet itself obtained (bench/claims-labelling.md, decided 2026-12-03): its
// findings are the outlet's own reporting in the paragraph that says so and in the paragraphs
// going on with them ("The records show …", "According to the report, …"), until another document
// of the kind comes in. A published report stays a claim. Stories written for these tests.

const LAT = newsHead(
  'Utility ignored warnings - Los Angeles Times',
  'https://www.latimes.com/california/story/1',
  'Los Angeles Times',
);
const NYT = newsHead('Ferry losses', 'https://www.nytimes.com/2026/12/01/nyregion/ferry.html', 'The New York Times');
const ABC = newsHead('Storm warning sent late - ABC News', 'https://abcnews.go.com/US/storm/story?id=1', 'ABC News');

describe('a document the outlet obtained', () => {
  it('a report released to the outlet: its findings in the following paragraphs are firsthand, until a published report', () => {
    const p = newsStory(
      LAT,
      'A report released to the Los Angeles Times under a public-records request shows the utility ignored warnings for six years.',
      'The report found that 14 power lines had not been inspected since 2015.',
      'According to the report, crews flagged the lines in 2021 and were told to wait.',
      'The report, dated March 2024, also says 40 poles were rotten.',
      'The state’s own report, published Tuesday by the Public Utilities Commission, found 22 violations.',
      'The report found that the utility had been fined twice.',
    );
    expect(p.blocks.map((b) => b.firsthand)).toEqual([
      { words: ['released to the Los Angeles Times'] },
      { words: ['The report found'], block: 0 },
      { words: ['According to the report'], block: 0 },
      { words: ['The report, dated March 2024, also says'], block: 0 },
      undefined,
      undefined,
    ]);
    expect(uncited(p)).toEqual([4, 5]);
  });

  it('"records obtained by The Times", "the documents" after them; another kind of document stays a claim', () => {
    const p = newsStory(
      NYT,
      'According to records obtained by The Times, the ferry lost $40 million last year.',
      'The records show that ridership fell by 12 percent in 2025.',
      'The documents also show that two boats failed inspections.',
      'The audit found that the ferry’s fuel costs had doubled.',
    );
    expect(firsthandWords(p)).toEqual([
      ['obtained by The Times'],
      ['The records show'],
      ['The documents also show'],
      undefined,
    ]);
    expect(uncited(p)).toEqual([3]);
  });

  it('emails obtained by the outlet: a paragraph where someone else speaks too stays a claim', () => {
    const p = newsStory(
      ABC,
      'Emails obtained by ABC News show that the storm warning was sent two hours late.',
      'The emails show that the county had been told of the storm’s path on Friday.',
      'The emails show that 3 managers were told, but the county said the warning went out on time.',
      'In the emails, the director warned that 40 homes were at risk.',
    );
    expect(firsthandWords(p)).toEqual([['obtained by ABC News'], ['The emails show'], undefined, ['In the emails']]);
    expect(uncited(p)).toEqual([2]);
  });

  it('a document another outlet obtained, and a public report, stay claims', () => {
    const p = newsStory(
      NYT,
      'According to records obtained by the Financial Times, the ferry lost $40 million last year.',
      'The records show that ridership fell by 12 percent in 2025.',
    );
    expect(firsthandWords(p)).toEqual([undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1]);
    const published = newsStory(
      NYT,
      'The city comptroller published a report on Tuesday on the ferry’s finances.',
      'The report found that the ferry lost $40 million last year.',
      'Officials said the ferry would keep running.',
    );
    expect(firsthandWords(published)).toEqual([undefined, undefined, undefined]);
    expect(uncited(published)).toEqual([1, 2]);
  });

  it('a separate report of the same kind ends the obtained one’s run', () => {
    const p = newsStory(
      LAT,
      'An audit provided to The Times shows the utility skipped 300 inspections.',
      'A separate audit by the state found 12 violations.',
      'The audit found that crews had been cut by a third.',
    );
    expect(firsthandWords(p)).toEqual([['provided to The Times'], undefined, undefined]);
    expect(uncited(p)).toEqual([1, 2]);
  });
});
