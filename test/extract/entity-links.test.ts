import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBareName, isEntityLink } from '../../src/extract/entity-links.js';
import { extractPost } from '../../src/extract/index.js';
import { urlParts } from '../../src/extract/link-roles.js';
import type { Post } from '../../src/types.js';
import { ROOT, runCli } from '../cli/run-cli.js';

/** isEntityLink on an absolute URL, as an external link. */
function entity(text: string, url: string, sentence = `It was ${text} who said so.`, internal = false): boolean {
  const parts = urlParts(url);
  if (!parts) throw new Error(`not a URL: ${url}`);
  const hash = url.indexOf('#');
  return isEntityLink(text, sentence, parts, internal, hash < 0 ? undefined : url.slice(hash + 1));
}

/** The roles of a Markdown post's links, and whether its one paragraph is flagged uncited. */
function markdown(body: string): { roles: Array<string | undefined>; cited: boolean } {
  const post: Post = {
    source: 'post.md',
    kind: 'markdown',
    url: 'https://blog.example.com/2026/04/post/',
    body,
    bodyFormat: 'markdown',
    warnings: [],
  };
  const block = extractPost(post).blocks[0];
  return { roles: block.citations.map((c) => c.role), cited: block.signals.includes('citation') };
}

describe('links on a name to its own page are not sources (role entity, issue 8)', () => {
  it.each([
    ['a person’s LinkedIn profile', 'Mara Okafor', 'https://www.linkedin.com/in/mara-okafor/'],
    ['a social profile, whatever its text', 'her account', 'https://twitter.com/maraokafor'],
    ['a fediverse profile on any host', 'Mara', 'https://social.example/@mara'],
    ['an organisation’s home page', 'Museum of Harbour Art', 'https://harbourart.example.org/'],
    ['a person’s page one segment deep', 'Sara Gill', 'https://lab.example.edu/sgill/'],
    ['an organisation’s about page', 'Harbour Trust', 'https://harbourtrust.example.org/about/'],
    [
      'an outlet’s people page',
      'Mara Okafor',
      'https://paper.example.com/top/reference/people/m/mara_okafor/index.html',
    ],
    ['a company profile', 'Harbour Fund', 'https://db.example.com/company/harbour-fund'],
    ['a stock quote page on a ticker', 'HBRF', 'https://markets.example.net/quote/HBRF'],
    ['a topic page of an outlet', 'Estuary County', 'https://paper.example.com/world/estuarycounty'],
    ['a topic path on a term', 'dredging', 'https://paper.example.com/topics/dredging/'],
    ['an encyclopedia entry on a proper name', 'Salt Marsh', 'https://en.wikipedia.org/wiki/Salt_Marsh_(estuary)'],
    ['a wiki link on a name with other words', 'NZ', 'https://wiki.example.org/wiki/New_Zealand'],
    ['a category page on a plural term', 'tablet', 'https://reviews.example.com/tablets/'],
    // A film, music or sports database's profile by its id (issue 8).
    ['a film database’s name page by id', 'Tom Hale', 'https://www.filmdb.example/name/nm0123456/'],
    ['a person page by id and slug', 'Jo Park', 'https://www.moviedb.example/person/98765-jo-park'],
    ['an artist page by id and slug', 'Felix Moor', 'https://www.records.example/artist/445566-Felix-Moor'],
    ['a player page by id under a language', 'Ana Silva', 'https://stats.example/en/player/20417'],
  ])('%s', (_name, text, url) => {
    expect(entity(text, url)).toBe(true);
  });

  it.each([
    ['a deep story on a name', 'Reuters', 'https://wire.example.com/business/2026/03/02/harbour-fund-crane-deal'],
    ['a PDF on a name', 'Harbour Trust', 'https://harbourtrust.example.org/reports/annual.pdf'],
    ['a status on a social network', 'Mara Okafor', 'https://twitter.com/maraokafor/status/1900000000000000000'],
    ['a post on a social network', 'Mara Okafor', 'https://www.instagram.com/p/Cx12abcDEF/'],
    ['a story slug one segment deep', 'Smith', 'https://blog.example.org/why-smith-was-wrong-about-dredging'],
    ['a link shortener’s code', 'Mara Okafor', 'https://sho.rt/CPER7m3'],
    ['a numbered document', 'RFC 2119', 'https://standards.example.org/rfc2119'],
    ['an encyclopedia link on a term: the writer’s definition', 'silt', 'https://en.wikipedia.org/wiki/Silt'],
    ['an encyclopedia link naming the encyclopedia', 'Wikipedia', 'https://en.wikipedia.org/wiki/Dredging'],
    ['a term that opens its sentence', 'Silt', 'https://en.wikipedia.org/wiki/Silt', 'Silt settles fast.'],
    ['another site’s glossary entry on a term', 'silt', 'https://dict.example.net/glossary/silt'],
    ['a page named like a document', 'reports', 'https://agency.example.gov/reports/'],
    ['a reference page deep in a docs tree', 'Blob', 'https://docs.example.org/en-US/docs/Web/API/Blob'],
    ['a named page with an id query', 'Harbour Fund', 'https://harbourfund.example.org/?p=123'],
    ['a plural term with a jump into the page', 'comments', 'https://forum.example.org/comments#c12'],
    ['a home page the sentence credits', 'Rail News', 'https://rail.example/news', 'Via Rail News'],
    ['a home page after "according to"', 'Reuters', 'https://www.reuters.example/', 'It fell, according to Reuters.'],
    // review20: a section of the named party's site is where its facts are published.
    ['an agency’s topic section', 'CDC', 'https://www.cdc.example.gov/measles/'],
    ['a company’s newsroom', 'Acme Corp', 'https://www.acme.example/newsroom/'],
    ['a court’s opinions page', 'Supreme Court', 'https://www.court.example.gov/opinions/'],
    ['a social network’s group page', 'Papyrus', 'https://www.facebook.com/group.php?gid=2204743'],
    ['a social network’s post page', 'Mara Okafor', 'https://www.facebook.com/permalink.php?story_fbid=1'],
    ['a video by its number', 'a video', 'https://vimeo.com/76979871'],
    ['a playlist', 'a speech', 'https://www.youtube.com/playlist?list=PL123'],
    ['a film’s page by id (its box-office figures)', 'Harbour Lights', 'https://www.filmdb.example/title/tt1234567/'],
    ['a profile id under words, not on a name', 'the figures', 'https://www.filmdb.example/name/nm0123456/'],
    ['a story id after a people section', 'Tom Hale', 'https://paper.example/people/2026/04/hale-wins-award/12345'],
  ])('stays a source: %s', (_name, text, url, sentence?: string) => {
    expect(entity(text, url, sentence)).toBe(false);
  });

  it('a name linked to a page of the post’s own site is left to the navigation rules', () => {
    // Another site's short page on a name is the person's; the post's own may be its story.
    expect(entity('Mara Okafor', 'https://other.example.org/okafor/')).toBe(true);
    expect(entity('Mara Okafor', 'https://other.example.org/okafor-interview/')).toBe(false);
    expect(entity('Mara Okafor', 'https://news.example.com/okafor-interview/', undefined, true)).toBe(false);
    expect(entity('Mara Okafor', 'https://news.example.com/mara-okafor/', undefined, true)).toBe(true);
    expect(entity('Mara Okafor', 'https://news.example.com/people/mara-okafor/', undefined, true)).toBe(true);
  });

  it('a name linked to a story deeper in the post’s own site is the outlet’s related story, no source (issue 8)', () => {
    const sentence = 'Mara Okafor and two ministers are under guard at the harbour house, a source said.';
    const own = (text: string, url: string) => entity(text, url, sentence, true);
    expect(own('Mara Okafor', 'https://news.example.com/world/2026/04/02/harbour-board-moves-to-oust-okafor/')).toBe(
      true,
    );
    expect(own('Harbour Trust', 'https://news.example.com/business/trust-sells-the-quay-to-calder-shipping')).toBe(
      true,
    );
    // The same link on another site, a slug naming a document, a document itself, a clause: sources.
    expect(
      entity('Mara Okafor', 'https://wire.example.org/world/2026/04/02/harbour-board-moves-to-oust-okafor/', sentence),
    ).toBe(false);
    expect(own('Mara Okafor', 'https://news.example.com/world/2026/04/okafor-interview-transcript/')).toBe(false);
    expect(own('Harbour Trust', 'https://news.example.com/files/2026/trust-accounts.pdf')).toBe(false);
    expect(own('two ministers are under guard', 'https://news.example.com/world/2026/04/02/ministers-guarded/')).toBe(
      false,
    );
  });

  it('a claim "cited" only by a name linked to the outlet’s own related story is uncited', () => {
    const post: Post = {
      source: 'story.html',
      kind: 'html',
      url: 'https://news.example.com/world/2026/04/03/okafor-under-guard/',
      body: '<p><a href="https://news.example.com/world/2026/04/02/harbour-board-moves-to-oust-okafor/">Mara Okafor</a> and two ministers are under guard at the harbour house, a source said.</p>',
      bodyFormat: 'html',
      warnings: [],
    };
    const block = extractPost(post).blocks[0];
    expect(block.citations.map((c) => c.role)).toEqual(['entity']);
    expect(block.signals).not.toContain('citation');
  });

  it('tells a bare name from words', () => {
    expect(isBareName('Museum of Neon Art', 'It is the Museum of Neon Art.')).toBe(true);
    expect(isBareName('iPad', 'the iPad sold')).toBe(true);
    expect(isBareName('NASDAQ: HBRF', 'x')).toBe(true);
    expect(isBareName('the museum', 'x')).toBe(false);
    expect(isBareName('Pioneer XW-SMA3', 'the Pioneer XW-SMA3 speaker')).toBe(false);
    expect(isBareName('Harbour', 'Harbour levels rose.')).toBe(false);
    expect(isBareName('Harbour Trust', 'Harbour Trust said so.')).toBe(true);
  });

  it('a hashtag page of a social network is a tag', () => {
    const found = markdown(
      'The tweet read “#Harbour is back”, and 300 people shared it [#Harbour](https://twitter.com/hashtag/Harbour?src=hash).',
    );
    expect(found).toEqual({ roles: ['tag'], cited: false });
  });

  it('a paragraph cited only by a name link is uncited; the same name on a deep story cites it', () => {
    expect(
      markdown('The fund spent 40% more in 2025, said [Mara Okafor](https://www.linkedin.com/in/mara-okafor/).'),
    ).toEqual({
      roles: ['entity'],
      cited: false,
    });
    expect(
      markdown(
        'The fund spent 40% more in 2025, according to [Reuters](https://wire.example.com/business/2026/03/02/harbour-fund).',
      ),
    ).toEqual({ roles: [undefined], cited: true });
  });

  it('a store or affiliate link sells the thing named, it is no source (whatever its words)', () => {
    expect(
      markdown(
        'The Tidewatch 3 sold 2 million units in its first year and now costs $199 [at Amazon](https://www.amazon.com/Tidewatch-3/dp/B0C1234567?tag=site-20).',
      ),
    ).toEqual({ roles: ['entity'], cited: false });
    for (const url of [
      'https://amzn.to/3xYzAbc',
      'https://go.redirectingat.com/?id=1x2&url=https%3A%2F%2Fshop.example.com%2Fwatch',
      'https://www.ebay.co.uk/itm/1234567890',
      'https://www.etsy.com/listing/998877/harbour-print',
      'https://apps.apple.com/us/app/tidewatch/id123456789',
      'https://play.google.com/store/apps/details?id=com.example.tide',
      'https://www.tidewatch.example/products/tidewatch-3',
      'https://www.tidewatch.example/product-category/watches',
    ])
      expect(entity('this deal', url, 'The watch is on sale at this deal today.'), url).toBe(true);
    // The shops' other pages stay sources: a newsroom's release, a help page, search results.
    for (const url of [
      'https://www.apple.com/newsroom/2026/03/apple-reports-record-quarter/',
      'https://support.google.com/pixel/answer/7158570',
      'https://www.aboutamazon.com/news/company-news/2025-letter-to-shareholders',
    ])
      expect(entity('the company said', url, 'Sales doubled, the company said.'), url).toBe(false);
  });

  it('a commerce word in the path alone is no shop: statistics, ratings and collections stay sources (review34)', () => {
    for (const [url, sentence] of [
      [
        'https://www.gov.uk/government/collections/road-accidents-and-safety-statistics',
        'Road deaths rose 4% last year, according to the road safety statistics.',
      ],
      [
        'https://www.consumerreports.org/products/washing-machines/ratings/',
        'Front-loaders failed 12% of tests, the ratings show.',
      ],
      [
        'https://www.nature.com/collections/climate-tipping-points',
        'Six of the 16 tipping points may already be passed, the studies found.',
      ],
      ['https://data.census.example.edu/products/income-2025', 'Median income rose 3% in 2025, the survey found.'],
    ])
      expect(entity('the survey', url, sentence), url).toBe(false);
    expect(
      markdown(
        'Road deaths rose 4% last year, according to [the statistics](https://www.gov.uk/government/collections/road-accidents-and-safety-statistics).',
      ),
    ).toEqual({ roles: [undefined], cited: true });
    // With a shop's word or an affiliate's parameter the segment is a shop.
    expect(
      entity('Tidewatch 3', 'https://www.tidewatch.example/products/tidewatch-3', 'The Tidewatch 3 costs $199.'),
    ).toBe(true);
    expect(
      entity('Tidewatch 3', 'https://www.tidewatch.example/collections/watches?ref=site-20', 'See the Tidewatch 3.'),
    ).toBe(true);
  });

  it('--count-as-source makes an entity link a source again', async () => {
    const page =
      '<article><p>The fund spent 40% more in 2025 than in 2024, said <a href="https://www.linkedin.com/in/mara-okafor/">Mara Okafor</a>.</p></article>';
    const plain = await runCli(['check', '--offline', '--format', 'json', '-'], { stdin: page });
    const widened = await runCli(
      ['check', '--offline', '--format', 'json', '--count-as-source', '^https://www\\.linkedin\\.com/', '-'],
      { stdin: page },
    );
    const codes = (out: string) =>
      (JSON.parse(out) as { findings: Array<{ code: string }> }).findings.map((f) => f.code);
    expect(codes(plain.stdout)).toEqual(['CLAIM_UNCITED']);
    expect(codes(widened.stdout)).not.toContain('CLAIM_UNCITED');
  });
});

describe('entity links through the CLI', () => {
  interface JsonCitation {
    url: string;
    role?: string;
  }
  interface JsonReport {
    posts: Array<{ blocks: Array<{ index: number; citations: JsonCitation[] }> }>;
    findings: Array<{ code: string; block?: number }>;
    totals: { citations: number };
  }

  it('check shows the role in JSON and flags the claims they alone "cite"', async () => {
    const file = path.join(ROOT, 'test/fixtures/pages/entity-links.html');
    const run = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never', file]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const blocks = report.posts[0].blocks.filter((b) => b.citations.length > 0);
    expect(blocks.map((b) => b.citations.map((c) => c.role ?? 'source'))).toEqual([
      ['entity'],
      ['entity'],
      ['entity'],
      ['entity'],
      ['entity'],
      ['source'],
      ['source', 'source'],
    ]);
    const uncited = new Set(report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.block));
    expect(blocks.map((b) => uncited.has(b.index))).toEqual([true, true, true, true, true, false, false]);
    // Links that are not sources are left out of the totals; the three sources are counted.
    expect(report.totals.citations).toBe(3);
  });
});
