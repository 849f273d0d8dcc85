import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { compileClaimConfig } from '../../src/config/claim-config.js';
import { extractOptions, extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';
import { firsthandWords as firsthand, uncited } from '../helpers/claim-posts.js';

// A story reporting the outlet's own survey: its respondents answered the outlet, so their
// unnamed answers and the survey's shares are its own reporting, which an editor asks no link
// for (issue 8: a survey story of insiders was 23 of the held-out false positives).

const COURIER =
  '<title>Ferry vote - The Harbour Courier</title><link rel="canonical" href="https://www.harbourcourier.example/news/vote">';
const page = (paragraphs: string[]): string =>
  `<!doctype html><html><head>${COURIER}</head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const news = (...paragraphs: string[]): ExtractedPost =>
  extractPost(parseDocument(page(paragraphs), { source: 'story.html' })[0]);

const LEAD =
  'Members of the Harbour Courier Panel — skippers, dock workers and traders — expect the ferry levy to pass next week.';
const SHARES =
  'Of the panel members surveyed last week, 71 percent expect the levy to pass; 18 percent expect a delay.';
const ANSWER = '“The levy is the only way to keep the winter boats,” said a Westport skipper.';
const PLURAL = 'Others said the vote would be closer than it looks, and a majority of traders said they would vote no.';
const NAMED = '“We will not raise the levy again,” Mayor Dana Reyes said on Tuesday.';
const SPOKESWOMAN = 'A spokeswoman for the ferry company said the levy would add $2 to each crossing.';
const FIGURE = 'The levy would raise $4 million a year, an Eastport trader said.';

describe('a story reporting the outlet’s own survey', () => {
  it('the respondents’ unnamed answers and the survey’s shares are firsthand', () => {
    const p = news(LEAD, SHARES, ANSWER, PLURAL);
    expect(firsthand(p).slice(1)).toEqual([['71 percent', '18 percent'], ['said'], ['Others said', 'of traders said']]);
    expect(uncited(p)).toEqual([]);
  });

  it('a named speaker, a spokeswoman and a figure that is no share stay claims', () => {
    const p = news(LEAD, NAMED, SPOKESWOMAN, FIGURE);
    expect(firsthand(p).slice(1)).toEqual([undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([1, 2, 3]);
  });

  it('the same answers with no survey of the outlet’s (another’s poll) stay claims', () => {
    const p = news(
      'Members of the Harbour Traders Panel, polled by the Westport Gazette, expect the ferry levy to pass next week.',
      SHARES,
      ANSWER,
      PLURAL,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined, undefined]);
    // The lead is the Gazette's poll: a claim too.
    expect(uncited(p)).toEqual([0, 1, 2, 3]);
  });

  it('"our survey" names the outlet’s survey on a page of any name', () => {
    const p = news('In our survey of 120 skippers last week, most expect the ferry levy to pass.', ANSWER);
    expect(firsthand(p)[1]).toEqual(['said']);
  });

  it('a share written with "%" speaks as one written "percent" does', () => {
    // UNNAMED read "47%" with a word boundary after the sign, which a space or the clause's end never is.
    const p = news(LEAD, '47% said the levy would pass.', '47% of traders said the levy would pass.');
    expect(firsthand(p).slice(1)).toEqual([['said'], ['of traders said']]);
    expect(uncited(p)).toEqual([]);
  });

  it('a survey named in words the config’s firsthandIgnore matches makes nothing firsthand', () => {
    // "text they match never makes a paragraph firsthand" (README, claims.firsthandIgnore).
    const options = extractOptions({ ...DEFAULTS, claims: compileClaimConfig({ firsthandIgnore: ['Courier Panel'] }) });
    const p = extractPost(parseDocument(page([LEAD, ANSWER]), { source: 'story.html' })[0], options);
    expect(firsthand(p)).toEqual([undefined, undefined]);
  });
});
