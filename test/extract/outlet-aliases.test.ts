import { describe, expect, it } from 'vitest';
import { firsthandWords, newsHead, newsStory, uncited } from '../helpers/claim-posts.js';

// The outlet named by a shorter or longer form than its page's site name (issue 8: most of the
// held-out false positives were said to the outlet itself): "the BBC", "BBC Radio 4", "the BBC's
// Panorama", "BBC Verify" on a page of BBC News; "the Times" on a page of a "… Times"; a sister
// programme of the network ("ABC's Good Morning America"). Stories written for these tests.

const BBC = newsHead('Care homes to face double inspections - BBC News', 'https://www.bbc.co.uk/news/uk-1', 'BBC News');
const ABC = newsHead('Storm toll rises - ABC News', 'https://abcnews.go.com/US/storm/story?id=1', 'ABC News');
const NYT = newsHead(
  'Ferry fares to rise',
  'https://www.nytimes.com/2026/12/01/nyregion/ferry.html',
  'The New York Times',
);

describe('the outlet by another form of its name', () => {
  it('a sentence opening with "Asked by the BBC", "Reached by" or "Speaking on" is read (the hint was case-sensitive)', () => {
    const p = newsStory(
      BBC,
      'Asked by the BBC about the closures, Health Secretary Wes Streeting said the sector was broken.',
      'Contacted by the BBC, the company said it had invested £20m in its homes.',
      'Speaking on BBC One’s Sunday with Laura Kuenssberg, shadow minister Ed Kerr said the figures were shocking.',
    );
    expect(firsthandWords(p)).toEqual([['Asked by the BBC'], ['Contacted by the BBC'], ['Speaking on BBC']]);
    expect(uncited(p)).toEqual([]);
  });

  it('said on the network’s own programme is said to it; on another’s, or on a day, it is not', () => {
    const p = newsStory(
      ABC,
      'Governor Kathy Hochul said on ABC’s This Week that 12 people had died.',
      'Mayor Rob Lane said on Fox News Sunday that 14 people had died.',
      'Sheriff Ana Cruz said on Tuesday that 15 people had died.',
      'Hochul said on CNN’s State of the Union that the state would ask for federal aid.',
    );
    // Hochul spoke to ABC: her later words are firsthand, but not those she said on CNN.
    expect(firsthandWords(p)).toEqual([['said on ABC’s'], undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([1, 2, 3]);
  });

  it('a brand of the outlet’s ("BBC Verify") is the outlet; a body that shares a plain word of its name is not', () => {
    const bbc = newsStory(BBC, 'BBC Verify analysed 400 inspection reports and found 60 homes rated inadequate.');
    expect(firsthandWords(bbc)).toEqual([['BBC Verify analysed']]);
    const atlantic = newsStory(
      newsHead('Drones - The Atlantic', 'https://www.theatlantic.com/ideas/1', 'The Atlantic'),
      'Atlantic Council researchers analysed 400 strikes and found 60 hit homes.',
    );
    expect(firsthandWords(atlantic)).toEqual([undefined]);
    expect(uncited(atlantic)).toEqual([0]);
  });

  it('"the Times" is the outlet on a page of a "… Times", another Times is not', () => {
    const p = newsStory(
      NYT,
      'Mayor Eric Adams told the Times that fares would rise by 25 cents.',
      'Union leader Ann Hale told the Financial Times that the company had cut 200 jobs.',
      'Ms. Hale said the union would ballot its members.',
    );
    expect(firsthandWords(p)).toEqual([['told the Times'], undefined, undefined]);
    expect(uncited(p)).toEqual([1, 2]);
    const india = newsStory(NYT, 'Union leader Ann Hale told the Times of India that the company had cut 200 jobs.');
    expect(uncited(india)).toEqual([0]);
    const bbc = newsStory(BBC, 'Union leader Ann Hale told the Times that the company had cut 200 jobs.');
    expect(uncited(bbc)).toEqual([0]);
  });

  it('a newspaper of three words by its initials ("the L.A. Times", "WSJ") on a page naming it only in its title', () => {
    const lat = newsStory(
      '<title>Fire report - Los Angeles Times</title>',
      'In an interview with the L.A. Times, fire chief Mark Lee said the blaze spread in 20 minutes.',
      'Utility chief Dana Ruiz told the NYT that 300 homes burned.',
    );
    expect(firsthandWords(lat)).toEqual([['In an interview with the L.A. Times'], undefined]);
    expect(uncited(lat)).toEqual([1]);
    const wsj = newsStory(
      '<title>Fed holds - The Wall Street Journal</title>',
      'Fed chair Jerome Powell told the WSJ that rates would hold at 4%.',
      'Fed chair Jerome Powell told the FT that rates would hold at 4%.',
    );
    expect(firsthandWords(wsj)).toEqual([['told the WSJ'], undefined]);
  });
});

describe('the later words of someone the outlet interviewed', () => {
  it('their later "said" paragraphs are firsthand; words placed at another time or on a platform are not', () => {
    const p = newsStory(
      BBC,
      'Its chief executive, Fiona Marr, said in an interview with the BBC that fuel costs had risen by 40% since March.',
      'Ms Marr said the company would cut 12 winter sailings.',
      'Last year, Ms Marr said fares would rise by 10%.',
      'Ms Marr wrote on X that the ferry was a lifeline.',
      'Ms Marr said in a statement that the company had spent £2m on repairs.',
      '“We cannot run empty boats all winter,” Ms Marr said.',
    );
    expect(firsthandWords(p)).toEqual([
      ['in an interview with the BBC'],
      ['Ms Marr said'],
      undefined,
      undefined,
      undefined,
      ['Ms Marr said'],
    ]);
    expect(uncited(p)).toEqual([2, 3, 4]);
  });

  it('a speaker told another outlet earlier: their later words stay a claim', () => {
    const p = newsStory(
      BBC,
      'Councillor Ewan Doig told BBC Radio Scotland’s Good Morning Scotland programme that islanders would be stranded.',
      'Mr Doig said the cuts would cost the island’s shops £2m a year.',
      'In 2024, Mr Doig told Reuters that the council would buy its own ferry.',
    );
    expect(firsthandWords(p)).toEqual([['told BBC'], ['Mr Doig said'], undefined]);
    expect(uncited(p)).toEqual([2]);
  });
});
