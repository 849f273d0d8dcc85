import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { compileClaimConfig } from '../../src/config/claim-config.js';
import { extractOptions, extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import { firsthandWords as firsthand, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// A story covering a press event ("told reporters at a news conference Tuesday"): the outlet was
// there, and its speakers' words are its own reporting, which an editor asks no link for
// (issue 8: most held-out false positives were paragraphs the labellers called firsthand).

const LEAD =
  'Mayor Dana Reyes told reporters at a news conference Tuesday that the city would close the Harbor Street bridge for two years.';
const QUOTE = '“We cannot keep 40,000 cars a day on a deck that is failing,” Reyes said.';
const PRESIDENT_ROLE = 'The mayor said the repairs would cost $85 million, most of it from the state.';
const SHE_SAID = 'She said the ferry would run every 20 minutes while the bridge is shut.';
const LATER_SPEAKER =
  '“The neighborhood will be cut in half,” said Luis Ortega, who owns a bakery on Harbor Street and was not at the news conference.';
const OTHER_TIME = 'Last December, Reyes said the bridge was safe for at least another decade.';

describe('a story covering a press event', () => {
  it('the speakers at the event are the outlet’s own reporting: firsthand', () => {
    const p = post(LEAD, QUOTE, PRESIDENT_ROLE, SHE_SAID);
    expect(firsthand(p).slice(1)).toEqual([['Reyes said'], ['The mayor said'], ['She said']]);
    expect(uncited(p)).toEqual([]);
  });

  it('a later named speaker who was not at the event, and the speaker at another time, stay claims', () => {
    const p = post(LEAD, QUOTE, LATER_SPEAKER, OTHER_TIME);
    expect(firsthand(p)[2]).toBeUndefined();
    expect(firsthand(p)[3]).toBeUndefined();
    expect(uncited(p)).toEqual([2, 3]);
  });

  it('the same quotes in a post linking another outlet’s report of the event stay claims', () => {
    const p = post(
      'Mayor Dana Reyes [told reporters at a news conference Tuesday](https://harborpost.example/bridge) that the city would close the Harbor Street bridge for two years.',
      QUOTE,
      PRESIDENT_ROLE,
    );
    expect(firsthand(p).slice(1)).toEqual([undefined, undefined]);
    // The quote right after is credited to the linked report (its intro); the mayor's figures are not.
    expect(uncited(p)).toEqual([2]);
  });

  it('"told reporters" in an aggregated item, according to another outlet, stays a claim', () => {
    const p = post(
      'Mayor Dana Reyes told reporters at a news conference Tuesday that the city would close the Harbor Street bridge, according to The Harbor Post.',
      QUOTE,
      PRESIDENT_ROLE,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1, 2]);
  });

  it('a story whose lead names no event: a plain "said" stays a claim', () => {
    const p = post(
      'The city will close the Harbor Street bridge for two years, Mayor Dana Reyes said Tuesday.',
      QUOTE,
      PRESIDENT_ROLE,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1, 2]);
  });

  it('an event of another time in the lead ("In a speech last year") is not the story’s', () => {
    const p = post(
      'In a speech last year, Mayor Dana Reyes said the Harbor Street bridge was safe for another decade.',
      QUOTE,
      PRESIDENT_ROLE,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1, 2]);
  });

  it('officials speaking at the event: their later plain facts are firsthand, another group’s are not', () => {
    const p = post(
      'Police said at a news conference Monday that a man had been arrested in the shooting at the Eastgate mall.',
      'Police said the man, 34, was found with two handguns in his car.',
      'Residents said the mall had seen three robberies this year.',
    );
    expect(firsthand(p).slice(1)).toEqual([['Police said'], undefined]);
    expect(uncited(p)).toEqual([2]);
  });
});

describe('an officials’ press event: its host and its plain facts', () => {
  const HOSTED =
    'Sheriff Ana Cole was joined by Westport police at a news conference at her office on Tuesday to announce the arrests.';
  const ANNOUNCED = 'Two men were arrested in Westport on Monday in a fuel card scheme, Cole announced.';
  const FACTS =
    'Authorities seized $6,490 in cash and 39 stolen card numbers. Investigators traced the cards to a gas pump.';
  const OTHERS = 'The arrests came after a clerk called police about 12 stolen cards.';
  const SOMEONE = 'Officers arrested the men on Interstate 10, said Jo Park, a detective in Eastport.';

  it('the one holding the event speaks there, and the officials’ plain facts are the event’s: firsthand', () => {
    const p = post(HOSTED, ANNOUNCED, FACTS);
    expect(firsthand(p)).toEqual([['at a news conference'], ['Cole announced'], ['Authorities', 'Investigators']]);
    expect(uncited(p)).toEqual([]);
  });

  it('a fact of no official’s, and an official fact told by someone not named at the event, stay claims', () => {
    const p = post(HOSTED, OTHERS, SOMEONE);
    expect(firsthand(p).slice(1)).toEqual([undefined, undefined]);
    expect(uncited(p)).toEqual([1, 2]);
  });

  it('the officials’ facts in a story whose lead names no event stay claims', () => {
    const p = post('Two men were arrested in Westport on Monday in a fuel card scheme, Sheriff Ana Cole said.', FACTS);
    expect(uncited(p)).toEqual([0, 1]);
  });

  it('an event named in words the config’s firsthandIgnore matches makes nothing firsthand', () => {
    // "text they match never makes a paragraph firsthand" (README, claims.firsthandIgnore).
    const options = extractOptions({
      ...DEFAULTS,
      claims: compileClaimConfig({ firsthandIgnore: ['news conference'] }),
    });
    const p = extractPost(
      parseDocument(`${[HOSTED, ANNOUNCED, FACTS].join('\n\n')}\n`, { source: 'story.md' })[0],
      options,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
  });
});

describe('more speakers at an officials’ press event (event-speakers.ts)', () => {
  const LEAD_AG =
    'Two men were arrested in Westport on Monday in a fuel card scheme, Attorney General Ana Cole announced at a news conference at her office.';
  const STAFF =
    'Officers arrested the men on Interstate 10, Jo Park, special agent for the attorney general’s office, said.';
  const STAFF_AGAIN = 'Park said they face charges of identity theft and 3 counts of fraud.';

  it('an official of the host’s office speaks at its event, then by surname too', () => {
    const p = post(LEAD_AG, STAFF, STAFF_AGAIN);
    expect(firsthand(p).slice(1)).toEqual([['said'], ['Park said']]);
    expect(uncited(p)).toEqual([]);
  });

  it('another office’s official stays a claim', () => {
    const p = post(
      LEAD_AG,
      'Officers arrested the men on Interstate 10, Jo Park, a detective with the sheriff’s office, said.',
      STAFF_AGAIN,
    );
    expect(uncited(p)).toEqual([1, 2]);
  });

  it('a pronoun in a paragraph opening with a speaker at the event is that speaker', () => {
    const p = post(
      LEAD,
      'The bridge carries 40,000 cars a day and was built in 1961.',
      'Reyes called the closure “a very hard choice.” The repairs should take two years, she said.',
      'The bridge was last repaired in 1990 for $2 million.',
      'Ortega called it a disaster. The street would lose 30 shops, he said.',
    );
    expect(firsthand(p)[2]).toEqual(['she said']);
    expect(uncited(p)).toEqual([1, 3, 4]);
  });
});
