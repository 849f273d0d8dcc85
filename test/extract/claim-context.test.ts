import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { textSignals } from '../../src/extract/signals.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';
import { markdownPost as post, uncited } from '../helpers/claim-posts.js';

/** An HTML page of the given body. */
function page(body: string): ExtractedPost {
  return extractPost(
    parseDocument(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`, {
      source: 'page.html',
    })[0],
  );
}

const blockOf = (p: ExtractedPost, start: string) => p.blocks.find((b) => b.text.startsWith(start));

describe('a page laid out in a table', () => {
  it('reads the paragraphs of a layout cell as paragraphs, so their claims can be uncited', () => {
    const p = page(`<table><tr><td>Menu</td><td>
      <p>The Harbour Authority said on Monday that 62% of the quays need repair.</p>
      <p>Repairs will start in the spring, the authority added in its statement.</p>
    </td></tr></table>`);
    expect(blockOf(p, 'The Harbour Authority')?.kind).toBe('paragraph');
    expect(uncited(p)).toContain(blockOf(p, 'The Harbour Authority')?.index);
  });

  it('a cell holding a table of its own, or in a role="presentation" table, is layout too', () => {
    const nested = page(
      `<table><tr><td><table><tr><td>x</td></tr></table>Officials said 40 berths closed.</td></tr></table>`,
    );
    expect(blockOf(nested, 'Officials said')?.kind).toBe('paragraph');
    const presentation = page(
      `<table role="presentation"><tr><td><p>Officials said 40 berths closed.</p></td></tr></table>`,
    );
    expect(blockOf(presentation, 'Officials said')?.kind).toBe('paragraph');
    // Its cells of plain text too (a reviewer's shape): each a paragraph, flagged when uncited.
    const plain = page(
      `<table role="presentation"><tr><td>Officials said 1,200 ballots remain uncounted.</td><td>The mayor said taxes rose 8% this year.</td></tr></table>`,
    );
    expect(plain.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(uncited(plain)).toEqual([0, 1]);
  });

  it('a data table keeps its cells (one paragraph a cell at most): a figure in a cell is no uncited claim', () => {
    const p = page(
      `<table><tr><th>Year</th><th>Cost</th></tr><tr><td><p>2024</p></td><td><p>$4.2 million</p></td></tr></table>`,
    );
    expect(p.blocks.map((b) => b.kind)).toEqual(['table-cell', 'table-cell', 'table-cell', 'table-cell']);
    expect(uncited(p)).toEqual([]);
  });
});

describe('transcripts', () => {
  const TRANSCRIPT = [
    'The decision to close the ferry route has drawn criticism from Port Elwood residents and Calder Shipping.',
    'ANNA REED: The council cut the ferry budget by $2 million on Monday, and Calder Shipping has lost its contract.',
    'Anna Reed reports.',
    'JOHN MARSH: I think it is a shame. We said "this will cost the town far more than it saves" at the time.',
    'I have run boats here for 30 years and the town has never been this quiet.',
    'ANNA REED: Do you think the council will change its mind?',
    'JOHN MARSH: I doubt it, but we will keep asking.',
  ];

  it('labels no one answers to are section labels, not speakers: a review’s "PROS:", "CONS:", "VERDICT:" keep their claims', () => {
    // A reviewer's shape: three labelled paragraphs, no label twice, each with an "I" or "we".
    const p = post(
      'PROS: In our test the battery lasted 14 hours.',
      'CONS: Analysts said the phone costs 40% more than last year’s model, and I agree with them.',
      'VERDICT: Samsung has outsold Apple in Europe this quarter, IDC reported, and I think that will continue.',
    );
    expect(uncited(p)).toEqual([1, 2]);
  });

  it('an interviewee’s first-person turn, labelled line and the lines after it, is their own account: no claim', () => {
    const p = post(...TRANSCRIPT);
    const flagged = uncited(p);
    expect(flagged).not.toContain(3);
    expect(flagged).not.toContain(4);
    expect(p.blocks[4].signals).toEqual([]);
  });

  it('the reporter’s turns keep their claims, and the transcript is read in the reporting voice', () => {
    const p = post(...TRANSCRIPT);
    expect(uncited(p)).toContain(1);
    expect(p.blocks[0].signals).toContain('statement');
    // The speaker label names no party: its evidence names Calder Shipping, not ANNA REED.
    expect(p.blocks[1].evidence?.filter((e) => e.signal === 'statement').map((e) => e.text)).not.toContainEqual(
      expect.stringContaining('ANNA'),
    );
  });

  it('labels such as UPDATE: or NOTE: make no transcript', () => {
    const p = post(
      'UPDATE: I asked the council, and the clerk told me "the quays will reopen in May after the repairs."',
      'NOTE: I wrote this in a hurry on the quay.',
      'EDITOR’S NOTE: We corrected the name of the harbour master.',
      'UPDATE: The ferry now runs twice a day again.',
    );
    expect(p.blocks[0].signals).toContain('quote');
  });
});

describe('pull quotes', () => {
  it('a blockquote repeating words of a paragraph of the post is the writer’s own line shown large', () => {
    const p = page(`<article>
      <p>Calder Shipping is the kind of company people write songs about, and not all of them kind.</p>
      <blockquote>the kind of company people write songs about</blockquote>
      <p>It is a long story.</p></article>`);
    const quote = p.blocks.find((b) => b.kind === 'blockquote');
    expect(quote?.signals).toEqual([]);
    expect(uncited(p)).not.toContain(quote?.index);
  });

  it('a paragraph that is one quotation repeated from another paragraph is a pull quote too', () => {
    const p = post(
      '"In hindsight, the harbour plan may not have been worth all of this anxiety."',
      'Marsh wrote: "We learned a lot. In hindsight, the harbour plan may not have been worth all of this anxiety."',
    );
    expect(p.blocks[0].signals).toEqual([]);
    expect(p.blocks[1].signals).toContain('quote');
  });

  it('a headline or standfirst quoting a paragraph makes no pull quote of that paragraph', () => {
    const p = post(
      '## The harbour master said the ferry was "running on fumes and goodwill" before the storm',
      'Marsh spoke to reporters at the quay on Monday.',
      '"It was running on fumes and goodwill."',
    );
    const quote = p.blocks.find((b) => b.text.startsWith('"It was'));
    expect(quote?.signals).toContain('quote');
    expect(uncited(p)).toContain(quote?.index);
  });

  it('looks at 20 candidates a post at most (bounded work on a post of many short quotes)', () => {
    const paragraphs: string[] = [];
    for (let i = 0; i < 25; i++) {
      paragraphs.push(`"Harbour line number ${i} may not have been worth all of this anxiety."`);
      paragraphs.push(`Marsh wrote that harbour line number ${i} may not have been worth all of this anxiety, again.`);
    }
    const p = post(...paragraphs);
    const pulled = p.blocks.filter((b) => b.text.startsWith('"') && !b.signals.includes('quote'));
    expect(pulled).toHaveLength(20);
  });

  it('a quotation said once is still a quote claim', () => {
    const p = post('"The harbour plan was never worth all of this anxiety."', 'The council meets on Monday.');
    expect(p.blocks[0].signals).toContain('quote');
    expect(uncited(p)).toContain(0);
  });
});

describe('a blockquote’s evidence', () => {
  it('says which words made a blockquote a quote claim (it has no quotation marks)', () => {
    const p = page(
      '<article><p>The council met on Monday.</p><blockquote>The quay will stay closed until the divers have finished their survey of every beam.</blockquote></article>',
    );
    const quote = p.blocks.find((b) => b.kind === 'blockquote');
    expect(quote?.evidence).toEqual([
      { signal: 'quote', text: 'The quay will stay closed until the divers have finished th…' },
    ]);
    const finding = buildReport({
      posts: [p],
      results: new Map(),
      startedAt: new Date(0),
      durationMs: 0,
      offline: true,
    }).findings.find((f) => f.code === 'CLAIM_UNCITED' && f.block === quote?.index);
    expect(finding?.args?.evidence).toContain('quote “The quay will stay closed');
  });
});

describe('quotes that are no one’s words', () => {
  it.each([
    ['a quoted title or name', 'The team joined “Smart Harbour Projects SRL” last year.', []],
    ['a quoted question to ask yourself', 'Before you buy, ask “Will this just end up in a drawer?” and wait.', []],
    [
      'a short phrase in lower case (scare quotes)',
      'The usual praise for such games is “the best game never made.”',
      [],
    ],
    ['scare quotes after "so-called"', 'The so-called “fiscal responsibility plan” was unveiled on Tuesday.', []],
    ['a phrase with a speaker', 'Critics called the plan “a very expensive detour” on Monday.', ['quote']],
    ['a question someone asked', '“Why was the council not told?” asked Jo Blake at the meeting.', ['quote']],
    ['a question someone asked, before it', 'Jo Blake asked the board: “Why was the council not told?”', ['quote']],
    [
      'a question beside an attribution',
      'The mayor asked “why was the council not told?” and officials said the council knew.',
      ['quote', 'attribution'],
    ],
    [
      'a sentence of someone’s',
      'Marsh wrote that “The harbour will be closed for a year” in May.',
      ['quote', 'attribution'],
    ],
  ])('%s', (_name, text, signals) => {
    expect(textSignals(text)).toEqual(signals);
  });

  it('a story told is no report', () => {
    expect(textSignals('The release history for the harbour tells a slightly different story:')).toEqual([]);
    expect(textSignals('The harbour master told the council that the quay is unsafe.')).toEqual(['attribution']);
  });

  it('"declared", "vowed", "denied" and "urged" report', () => {
    expect(textSignals('The minister declared the port would reopen.')).toEqual(['attribution']);
    expect(textSignals('The senator denied the allegations on Friday.')).toEqual(['attribution']);
  });
});

describe('instructions after a condition', () => {
  it('"If it was a gift, mark it as $0" tells the reader what to do: no figure', () => {
    expect(textSignals('If it was a gift, mark it as $0. Otherwise list what you paid.')).toEqual([]);
    // A condition followed by a statement is no instruction.
    expect(textSignals('If the vote passes, the council will spend $4 million.')).toEqual(['number']);
  });
});

describe('quotes continuing a linked speaker', () => {
  it('a paragraph of quotes right after the paragraph naming and linking their speaker is credited by that link', () => {
    const p = post(
      'Now Anna Reed, the harbour master, [has posted an explanation](https://harbour.example.org/statement) of the closure.',
      '"We closed the quay because the beams are cracked and the divers found more damage," says Reed. "We will reopen in May."',
    );
    expect(p.blocks[1].credits).toEqual([{ via: 'quote-intro', block: 0 }]);
    expect(uncited(p)).not.toContain(1);
  });

  it('a pronoun speaker continues the person the linked paragraph before reports', () => {
    const p = post(
      'Anna Reed, the harbour master, [said in a statement](https://harbour.example.org/statement) that the quay will close.',
      '"We found more damage than we feared, and the divers are not finished," she said. "We will reopen in May."',
    );
    expect(p.blocks[1].credits).toEqual([{ via: 'quote-intro', block: 0 }]);
    const noReport = post(
      'The quay [closed on Monday](https://harbour.example.org/notice) for repairs to its beams.',
      '"We found more damage than we feared, and the divers are not finished," she said. "We will reopen in May."',
    );
    expect(noReport.blocks[1].credits).toBeUndefined();
  });

  it('quotes of someone the paragraph before does not name stay uncited', () => {
    const p = post(
      'Now Anna Reed, the harbour master, [has posted an explanation](https://harbour.example.org/statement) of the closure.',
      '"The closure will cost the fishing fleet a fortune this summer," says Tom Blake of the fishers’ union.',
    );
    expect(p.blocks[1].credits).toBeUndefined();
    expect(uncited(p)).toContain(1);
  });
});

describe("quotes of a linked document, and a closing sentence linking a party's document", () => {
  it('speakerless quote paragraphs right after a linked paragraph quote what it links', () => {
    const p = post(
      'Some traders found the [harbour board statement](https://harbour.example.org/statement) gloomier than expected.',
      'One reason may be a new worry about the quay: "there are significant risks to the harbour outlook this year."',
      '"The board will keep the fees where they are until the repairs are done."',
      'The quay reopens in May after the repairs to the beams are finished by the divers.',
    );
    expect(p.blocks[1].credits).toEqual([{ via: 'quote-intro', block: 0 }]);
    expect(p.blocks[2].credits).toEqual([{ via: 'quote-intro', block: 0 }]);
    expect(uncited(p)).not.toContain(1);
    // A quote with a speaker of its own is someone else's words.
    const said = post(
      'Some traders found the [harbour board statement](https://harbour.example.org/statement) gloomier than expected.',
      '"The fees will ruin the fleet this summer," said Tom Blake of the fishers’ union.',
    );
    expect(said.blocks[1].credits).toBeUndefined();
    expect(uncited(said)).toContain(1);
    // A bare quotation after a linked paragraph that introduces no quote: whose words, and from
    // where, the post does not say. It needs a source of its own.
    const bare = post(
      'The budget office [estimated](https://council.example/estimate) the plan would cost $4 billion.',
      '"It is a disaster for taxpayers and we will fight it in court."',
    );
    expect(bare.blocks[1].credits).toBeUndefined();
    expect(uncited(bare)).toContain(1);
  });

  it("a closing paragraph's linked sentence offering a party's statement credits the paragraphs reporting that party", () => {
    const p = post(
      'The Board said it would replace $400 billion in short-term bonds with longer ones.',
      'Traders sold 2 million shares in the first hour of the session on Wednesday.',
      "But it also said it would reinvest the runoff. Take a look [here](https://board.example.gov/statement) at the Board's statement and how it was changed.",
    );
    expect(p.blocks[0].credits).toEqual([{ via: 'reference-list', block: 2 }]);
    expect(p.blocks[1].credits).toBeUndefined();
    expect(uncited(p)).toEqual([1]);
    // A link elsewhere in the paragraph, not in that sentence, credits nothing.
    const elsewhere = post(
      'The Board said it would replace $400 billion in short-term bonds with longer ones.',
      "But it [also said](https://news.example.com/a) it would reinvest the runoff. Take a look at the Board's statement.",
    );
    expect(elsewhere.blocks[0].credits).toBeUndefined();
  });
});

describe("a closing line offering a party's full remarks: pronoun speakers and the passages they introduce", () => {
  const speech = '[Speech by Ruth Alder to the chamber](https://city.example/speech-2026)';

  it('credits "he said" quotes after a paragraph naming the party, and a blockquote after a credited paragraph', () => {
    const p = post(
      'The council voted 9 to 1 on Monday to keep the fees, and Alder warns that it is a mistake.',
      '"Conditions are far from satisfactory, and we want a stronger recovery," she said.',
      '"We are recovering from a horrific set of shocks," she said.',
      'The economy was "out of balance," Alder reiterated. Some of the factors include:',
      '> The real rate averaged 1.6 percent between 1991 and 1995, hardly a tight policy.',
      'Payrolls grew by 630,000 this year, and "the recovery is uneven," she said.',
      "READ Alder's full remarks:",
      speech,
    );
    const credited = p.blocks.map((b) => (b.credits ?? []).map((c) => c.via));
    expect(credited.slice(0, 5)).toEqual(Array(5).fill(['reference-list']));
    expect(uncited(p)).toEqual([]);
    // A pronoun after a paragraph that does not name the party is someone else.
    const other = post(
      'The harbour board voted 9 to 1 on Monday to keep the fees where they are for the summer.',
      '"We are recovering from a horrific set of shocks," she said.',
      "READ Alder's full remarks:",
      speech,
    );
    expect(other.blocks[1].credits).toBeUndefined();
    expect(uncited(other)).toContain(1);
  });

  it('"reiterated" reports', () => {
    expect(textSignals('Alder reiterated that the economy is in recovery.')).toEqual(['attribution']);
  });
});

describe('photo captions without a credit (issue 8)', () => {
  const story = (caption: string, alt: string): ExtractedPost =>
    page(`<article>
      <p>The Port Elwood harbour board approved a second terminal on Monday, ending a long dispute with Calder Shipping.</p>
      <p><a href="#img-1"><img src="quay.jpg" alt="${alt}"></a></p>
      <ul><li><p>${caption}</p></li></ul>
      <p>Calder Shipping dropped its claim after Marrow County withdrew its objection to the dredging in March.</p>
    </article>`);

  it('a list item or paragraph repeating the alt text of the linked picture above it is a caption', () => {
    const p = story(
      'Jo Marsh at her Port Elwood quay, where Calder Shipping stored 12 cranes before the dispute',
      'Jo Marsh at her Port Elwood quay, where Calder Shipping kept its cranes.',
    );
    expect(uncited(p)).not.toContain(blockOf(p, 'Jo Marsh at her')?.index);
    // The story around it keeps its claims.
    expect(uncited(p)).toContain(blockOf(p, 'Calder Shipping dropped')?.index);
  });

  it('the same text under a picture of something else is no caption', () => {
    const p = story(
      'Jo Marsh at her Port Elwood quay, where Calder Shipping stored 12 cranes before the dispute',
      'A ferry leaving the harbour at dawn.',
    );
    expect(uncited(p)).toContain(blockOf(p, 'Jo Marsh at her')?.index);
  });

  it('a paragraph pointing at the picture ("Clockwise from top:", "Above,") is a caption; "Right, so …" is not', () => {
    const captioned = post(
      'Clockwise from top: Jo Marsh, who ran 40 ferries for Calder Shipping; the quay at Port Elwood.',
      'Above, the skull of a seal found by Calder Shipping crews at Port Elwood in 2019, weighing 40 kg.',
      'Right, so Calder Shipping ran 40 ferries from Port Elwood last year.',
    );
    expect(uncited(captioned)).toEqual([2]);
  });

  it('a caption-like paragraph that reports ("…, police said", "who said 300 jobs would go") stays a claim', () => {
    const p = story(
      'Jo Marsh at her Port Elwood quay numbered 300 protesters, police said, the largest crowd since 1981',
      'Jo Marsh at her Port Elwood quay',
    );
    expect(uncited(p)).toContain(blockOf(p, 'Jo Marsh at her')?.index);
    const opened = post(
      'Pictured: Mayor Jo Marsh, who said 300 jobs would go at Calder Shipping.',
      'Left: the minister has said the harbour bill will pass, but 12 MPs have opposed it.',
      'Clockwise from top: Jo Marsh, who ran 40 ferries for Calder Shipping; the quay at Port Elwood.',
    );
    expect(uncited(opened)).toEqual([0, 1]);
  });
});

describe('firsthand reporting is not uncited (issue 8)', () => {
  /** A news page of the given paragraphs, its head as a saved page has it (title, canonical, more). */
  const news = (head: string, ...paragraphs: string[]): ExtractedPost =>
    extractPost(
      parseDocument(
        `<!doctype html><html><head>${head}</head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
        { source: 'story.html' },
      )[0],
    );
  const COURIER =
    '<title>Ferry cuts - The Harbour Courier</title><link rel="canonical" href="https://www.harbourcourier.example/news/ferry">';
  const firsthand = (p: ExtractedPost): Array<string[] | undefined> => p.blocks.map((b) => b.firsthand?.words);

  it('told to the outlet (its name from the title, its short name, "me"/"us"), its interviews and messages', () => {
    const p = news(
      COURIER,
      'The ferry company will cut its winter sailings from six to four, its chief executive told The Harbour Courier on Monday.',
      '“We cannot fill the boats in January,” Moira Keane told the Courier.',
      'The harbour master told me that 14 berths had been empty since March.',
      'Jo Hale, 67, said in an interview that the cuts would leave islanders stranded.',
      'The union’s secretary, speaking to The Harbour Courier by telephone, said 300 jobs were at risk.',
      'The council said in an email that it was reviewing the subsidy of $2 million.',
      'A manager, who spoke on condition of anonymity because he was not authorised to comment, said sales fell 20%.',
      'In interviews with dozens of islanders, 30 said they had missed a hospital appointment.',
    );
    expect(uncited(p)).toEqual([]);
    expect(firsthand(p)).toEqual([
      ['told The Harbour Courier'],
      ['told the Courier'],
      ['told me'],
      ['in an interview'],
      ['speaking to The Harbour Courier'],
      ['said in an email'],
      ['spoke on condition of anonymity'],
      ['In interviews'],
    ]);
  });

  it('a statement emailed to the outlet, or sent to it, is its own correspondence; one put out publicly stays a claim', () => {
    const p = news(
      COURIER,
      'The ferry company said in an emailed statement that 300 jobs would go by June.',
      'In an e-mailed response to questions, the port said 40 berths had been empty since March.',
      'The ferry company said in a statement to The Harbour Courier that 300 jobs would go.',
      'The ferry company said in a statement to us that 300 jobs would go.',
      'In an interview with the Courier, Moira Keane said 300 jobs would go.',
      'Moira Keane told the Courier that 300 jobs would go.',
    );
    expect(uncited(p)).toEqual([]);
    expect(firsthand(p)).toEqual([
      ['in an emailed statement'],
      ['In an e-mailed response'],
      ['in a statement to The Harbour Courier'],
      ['in a statement to us'],
      ['In an interview with the Courier'],
      ['told the Courier'],
    ]);
    const others = news(
      COURIER,
      'The ferry company said in a statement that 300 jobs would go by June.',
      'The ferry company said in an emailed statement to Reuters that 300 jobs would go.',
      'The ferry company said in an emailed statement sent to reporters that 300 jobs would go.',
      'In an emailed response to questions from Reuters, the port said 40 berths were empty.',
      'The mayor said in a statement posted on Facebook that 300 jobs would go.',
    );
    expect(uncited(others)).toEqual([0, 1, 2, 3, 4]);
  });

  it('the outlet’s own analysis, survey, documents and reporting', () => {
    const p = news(
      COURIER,
      'A Harbour Courier analysis of the timetables found that the island has lost a third of its sailings since 2015.',
      'Nine in ten ferry users want the sailings back, according to a Courier survey of 400 islanders.',
      'Documents reviewed by The Harbour Courier show the company set aside $120 million for new boats.',
      'The Harbour Courier first reported in March that the company planned to sell two vessels.',
      'Our analysis of port records shows 40% of sailings left late last year.',
    );
    expect(uncited(p)).toEqual([]);
    expect(firsthand(p)).toEqual([
      ['A Harbour Courier analysis'],
      ['Courier survey'],
      ['reviewed by The Harbour Courier'],
      ['The Harbour Courier first reported'],
      ['Our analysis'],
    ]);
  });

  it('the outlet from its host, og:site_name or JSON-LD publisher when the title does not say it', () => {
    const host = news(
      '<link rel="canonical" href="https://edition.cnn.com/2025/ferry">',
      '“It is over,” the mayor told CNN on Tuesday.',
    );
    expect(firsthand(host)).toEqual([['told CNN']]);
    const initials = news(
      '<link rel="canonical" href="https://www.nytimes.com/2025/ferry.html">',
      'The mayor told The New York Times that 40 people had lost their jobs.',
      'The mayor told the Times that 40 more would go.',
    );
    expect(uncited(initials)).toEqual([]);
    const site = news(
      '<meta property="og:site_name" content="Bayside Bugle">',
      'The mayor told the Bayside Bugle that 40 people had lost their jobs.',
    );
    expect(uncited(site)).toEqual([]);
    const ld = news(
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Bayside Bugle"}}]}</script>',
      'Data compiled by the Bayside Bugle show 40 berths are empty.',
    );
    expect(firsthand(ld)).toEqual([['compiled by the Bayside Bugle']]);
  });

  it('what was told to someone else, or to another outlet, stays uncited', () => {
    const p = news(
      COURIER,
      'The mayor told the council on Tuesday that the sale would raise $2 million.',
      'Keane told Reuters last month that the company was in talks to sell two vessels.',
      'In an interview with Fox News, the governor said 300 jobs would go.',
      'In an interview with a local radio station, the governor said 40 ferries would go.',
      'Keane said in a radio interview that the company had lost $4 million.',
      'A Financial Times analysis found the island has lost a third of its sailings.',
      'Officials, speaking on condition of anonymity, told Reuters that 40 berths would close.',
      '“I told The Harbour Courier everything,” Keane said of the sale.',
      'The Department for Transport said in a statement that it was reviewing the subsidy.',
    );
    expect(uncited(p)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(firsthand(p).every((w) => w === undefined)).toBe(true);
  });

  it('another outlet is nobody’s own on a page that does not name one', () => {
    const md = post('The mayor told The Harbour Courier that 40 people had lost their jobs.');
    expect(uncited(md)).toEqual([0]);
  });

  it('a speaker who spoke to the outlet goes on speaking to it ("Reyes said", "she said" right after), not to others', () => {
    const p = news(
      COURIER,
      'The board’s chair, Tom Reyes, said in an interview that $4 million had been approved at public meetings.',
      '“Every contract went to a vote,” Reyes said.',
      '“We kept the minutes,” he said.',
      'The harbour was quiet on Tuesday afternoon.',
      '“Nobody asked us,” she said of the 40 traders.',
      'Reyes told the Tribune last year that the consultants had saved the board money.',
    );
    expect(p.blocks[1].firsthand).toEqual({ words: ['Reyes said'], block: 0 });
    expect(p.blocks[2].firsthand).toEqual({ words: ['he said'], block: 0 });
    // After a paragraph of no speaker, "she" is nobody the story made clear; "told the Tribune" is another outlet.
    expect(uncited(p)).toEqual([4, 5]);
  });

  it('a blogger’s conversations: what was said to the writer, and the writer’s own words', () => {
    const p = post(
      'I spent the weekend packing boxes for the move to the coast.',
      'I said to the removal man that the piano would stay, and he said it would cost £300 to move it anyway.',
      '“You should have done this months ago,” my mum told me on the phone.',
      '“That van is never going to hold it all,” said I, to nobody in particular.',
      'According to the removals association, the average move costs £1,200.',
    );
    expect(uncited(p)).toEqual([4]);
  });

  it('a syndicated story is its provider’s: author meta, JSON-LD provider, byline element or line (issue 8)', () => {
    const YAHOO =
      '<title>Pools close</title><link rel="canonical" href="https://news.yahoo.example/pools-close-1415.html">';
    const said = 'The mayor told ABC News that 3 of the 5 pools would close.';
    const other = 'The mayor told the Springs Gazette that 2 would reopen in 2026.';
    // Today only the page's own outlet counts: Yahoo's.
    expect(uncited(news(YAHOO, said, other))).toEqual([0, 1]);
    expect(uncited(news(`${YAHOO}<meta name="author" content="ABC News">`, said, other))).toEqual([1]);
    const ld = `${YAHOO}<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Yahoo News"},"provider":{"@type":"Organization","name":"ABC News"}}</script>`;
    expect(firsthand(news(ld, said, other))).toEqual([['told ABC News'], undefined]);
    const source = `${YAHOO}<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","sourceOrganization":{"name":"ABC News"}}]}</script>`;
    expect(uncited(news(source, said, other))).toEqual([1]);
    expect(uncited(news(YAHOO, 'By Jane Alvarez, ABC News', said, other))).toEqual([2]);
    const element = extractPost(
      parseDocument(
        `<html><head>${YAHOO}</head><body><article><div class="caas-attr-provider">ABC News</div><p>${said}</p><p>${other}</p></article>` +
          `<aside><article><span class="byline">By Tom Ray, Springs Gazette</span><p>Teaser</p></article></aside></body></html>`,
        { source: 'story.html' },
      )[0],
    );
    // The provider's element is a block of its own; the sidebar teaser's byline names another story's outlet.
    expect(firsthand(element)[1]).toEqual(['told ABC News']);
    expect(uncited(element)).toEqual([2]);
  });

  it('a group the outlet says it interviewed speaks on as one: "the captains said", "one captain complained", "they said"', () => {
    const paragraphs = [
      'The Harbour Courier spoke with five ferry captains about the timetable. The captains all said they had been pressed by operators who claimed 30 sailings would go.',
      'One captain complained that 12 berths had stood empty since March.',
      'Two of the captains also said the company had cut 4 crews.',
      'They said the port had known of the faults since 2021.',
      'The port authority said on Monday that 40 berths had been repaired.',
    ];
    const p = news(COURIER, ...paragraphs);
    expect(firsthand(p)[0]).toEqual(['The Harbour Courier spoke with']);
    expect(p.blocks[1].firsthand).toEqual({ words: ['One captain complained'], block: 0 });
    expect(firsthand(p)[2]).toEqual(['captains also said']);
    expect(p.blocks[3].firsthand).toEqual({ words: ['They said'], block: 0 });
    // Another speaker stays a claim; without the outlet's interview, so do the captains.
    expect(uncited(p)).toEqual([4]);
    expect(uncited(news(COURIER, ...paragraphs.slice(1)))).toEqual([0, 1, 2, 3]);
  });

  it('unnamed sources who spoke to the outlet go on speaking: "the people said" after "said people familiar …, who asked not to be named"', () => {
    const paragraphs = [
      'The ferry line will be sold by June, said people familiar with the talks, who asked not to be identified because the talks are private.',
      'The buyer has offered $40 million for the 6 boats, the people said.',
      'Officials said 30 jobs would go.',
    ];
    const p = news(COURIER, ...paragraphs);
    expect(firsthand(p)[1]).toEqual(['the people said']);
    expect(uncited(p)).toEqual([2]);
    expect(uncited(news(COURIER, ...paragraphs.slice(1)))).toEqual([0, 1]);
  });

  it('after "experts interviewed by <outlet>", a person the story names and describes speaks as one of them', () => {
    const paragraphs = [
      'According to harbour engineers interviewed by The Harbour Courier, 12 of the quays need repair.',
      '“It is a slow collapse,” said Dana Whitfield, a port engineer at Calder Marine.',
      'Most of the damage is below the waterline, according to harbour engineers.',
      'Mayor Jo Marsh said on Monday that 40 jobs would go.',
      'Calder Marine said it had repaired 3 quays.',
    ];
    const p = news(COURIER, ...paragraphs);
    expect(p.blocks[1].firsthand).toEqual({ words: ['said'], block: 0 });
    expect(firsthand(p)[2]).toEqual(['according to']);
    // The mayor is named but not introduced as one of them; a company is no person.
    expect(uncited(p)).toEqual([3, 4]);
    expect(uncited(news(COURIER, ...paragraphs.slice(1)))).toEqual([0, 1, 2, 3]);
  });

  it('an interviewed group does not speak in a venue elsewhere: testimony, a report, a statement, another group (review35 F2)', () => {
    const LEDGER =
      '<title>Tax loophole - The Ledger</title><link rel="canonical" href="https://theledger.example/tax">';
    const p = news(
      LEDGER,
      'According to tax experts interviewed by The Ledger, the loophole costs $2 billion a year.',
      'The loophole was added in 2017, said Reuven Ortiz, a professor of tax law at Yale, in testimony before the Senate Finance Committee last week.',
      'Most of the cost falls on states, according to tax experts at the Urban Institute in a 2022 report.',
      'The rule costs 0.5% of GDP, said Ana Diaz, an economist at the IMF, in a report published Monday.',
    );
    expect(firsthand(p)[0]).toBeDefined();
    expect(uncited(p)).toEqual([1, 2, 3]);
    const officials = news(
      COURIER,
      'The Harbour Courier spoke with two city officials who asked not to be identified because the talks are private. The officials said 30 berths would close.',
      'At a news conference on Tuesday, state officials said 12 ferries would be sold.',
      'Federal officials said in a statement that $40 million had been set aside.',
      'The officials said the city had known of the faults since 2021.',
    );
    expect(firsthand(officials)[3]).toBeDefined();
    // State officials at a news conference this story covers are its own reporting by the
    // press-event rule (press-events.ts), not by the interview: the group rule stays out of it.
    expect(officials.blocks[1].firsthand).toEqual({ words: ['state officials said'], block: 1 });
    expect(uncited(officials)).toEqual([2]);
  });

  it('after such an interview, an elected official or a body’s spokesperson introduced by name stays a claim (review34)', () => {
    const paragraphs = [
      'According to harbour engineers interviewed by The Harbour Courier, 12 of the quays need repair.',
      'Jo Marsh, the mayor, said the city would spend $4 million on the quays.',
      '“We will not close the port,” said Sam Hart, a spokeswoman for the port authority, on Monday.',
      '“Three of the quays are closed,” said Dana Whitfield, a port engineer at Calder Marine.',
    ];
    const p = news(COURIER, ...paragraphs);
    expect(firsthand(p).slice(1)).toEqual([undefined, undefined, ['said']]);
    expect(uncited(p)).toEqual([1, 2]);
  });

  it('a story framed as the outlet’s interview: the interviewee’s later words with a plain "says" are firsthand', () => {
    const MAG =
      '<title>Marta Ruiz on bridges | Civil Monthly</title><link rel="canonical" href="https://civilmonthly.example/ruiz">';
    const p = news(
      MAG,
      'Marta Ruiz has designed 11 bridges. We sat down with her in her studio in Lisbon.',
      '“Every bridge starts with the river,” Ruiz says.',
      'The city approved the footbridge in 2023, at a cost of €38 million.',
      '“It is about patience,” she said of the 240-metre span.',
      '“Eight people, no more,” says Ruiz, pointing at the 12 desks.',
      'The transport ministry said in 2020 that 2,000 bridges needed repairs.',
      'Tom Lee, her former partner, said the studio had lost 3 contracts.',
      'Ruiz told the Lisbon Herald last year that she had turned down 4 projects.',
    );
    expect(firsthand(p)[1]).toEqual(['Ruiz says']);
    expect(p.blocks[3].firsthand).toEqual({ words: ['she said'], block: 0 });
    expect(firsthand(p)[4]).toEqual(['says']);
    expect(uncited(p)).toEqual([2, 5, 6, 7]);
    // A news story's interview frames only the people it names, and not their pronouns.
    const story = news(
      COURIER,
      'Jo Hale said in an interview that the Department for Transport had ignored the island for 10 years.',
      'The Department for Transport said in a statement that it was reviewing 40 routes.',
      '“We will fight this,” Hale said.',
      'The harbour was quiet on Tuesday.',
      '“Nobody listens,” she said of the 300 islanders.',
    );
    expect(uncited(story)).toEqual([1, 4]);
    // Without the frame the same quotes need a source.
    const plain = news(MAG, 'Marta Ruiz has designed 11 bridges.', '“Every bridge starts with the river,” Ruiz says.');
    expect(uncited(plain)).toEqual([0, 1]);
  });

  it('the answers of a question-and-answer story are the interviewee’s words to the outlet', () => {
    const QA =
      '<title>Q&amp;A with the librarian - Eastfield Weekly</title><link rel="canonical" href="https://eastfield.example/qa">';
    const page = (note: string): ExtractedPost =>
      extractPost(
        parseDocument(
          `<html><head>${QA}</head><body><article><p>Ann Cole has run the library since 2012.${note}</p>` +
            '<h2>How many people come?</h2><p>About 12,000 visits a month, up from 8,000.</p>' +
            '<p>Children’s loans have doubled since 2020.</p><h2>Funding</h2>' +
            '<p>The council paid $3.4 million for the renovation.</p>' +
            '<p>Q: What did it cost?</p><p>A: The council paid $3.4 million, its leader told Reuters.</p></article></body></html>',
          { source: 'qa.html' },
        )[0],
      );
    const qa = page(' This interview has been edited for length and clarity.');
    expect(firsthand(qa)[2]).toEqual(['an answer in a Q&A']);
    // A heading that asks nothing ends the answer; an answer naming another outlet's report is not the outlet's.
    expect(uncited(qa)).toEqual([0, 5, 7]);
    expect(uncited(page(''))).toEqual([2, 3, 5, 7]);
  });

  it('a company announcing its own product on its own site: the announcement, its people, the product’s figures', () => {
    const BLOG =
      '<title>Pathfinder 3.0 is here | Orbit Maps Blog</title><link rel="canonical" href="https://www.orbitmaps.example/blog/pf3">';
    const paragraphs = [
      'Orbit Maps today announced Pathfinder 3.0, which plans cycling routes 40% faster.',
      'The new release covers 120 countries and uses half the memory on older phones.',
      'Pathfinder now has more than 2 million monthly users, up from 800,000 a year ago.',
      '“This is the biggest update since launch,” said Lena Ortiz, Orbit Maps’ chief executive.',
      'Rival RouteKit launched its own planner in 2024 and has 5 million users.',
      'RouteKit said last month it would double its prices in 2026.',
      'Cycling trips in European cities grew by 25% between 2019 and 2024, according to the cyclists’ federation.',
    ];
    const own = news(BLOG, ...paragraphs);
    expect(firsthand(own).slice(0, 4)).toEqual([
      ['Orbit Maps today announced'],
      ['The new release'],
      ['Pathfinder'],
      ['Orbit Maps’ chief executive'],
    ]);
    expect(uncited(own)).toEqual([4, 5, 6]);
    // The same words on a news site are the company's claims, which need a source.
    const NEWS =
      '<title>Orbit Maps unveils Pathfinder 3.0 - The Ledger</title><link rel="canonical" href="https://ledger.example/tech/pf3">';
    expect(uncited(news(NEWS, ...paragraphs))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('says in the JSON report why a paragraph is firsthand', () => {
    const r = buildReport({
      posts: [news(COURIER, 'Keane told the Courier that 300 jobs would go.')],
      results: new Map(),
      startedAt: new Date(0),
      durationMs: 0,
      offline: true,
    });
    expect(r.posts[0].blocks[0].firsthand).toEqual({ words: ['told the Courier'] });
    expect(r.findings).toEqual([]);
  });
});

describe('captions of pictures are no claim paragraphs (issue 8)', () => {
  it('a figcaption, a WordPress caption and a caption box under a picture are never uncited; the story is', () => {
    const p = page(`<article>
      <figure><img src="a.jpg" alt=""><figcaption>About 3,000 people walked the pier on its first day back, organisers said.</figcaption></figure>
      <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">The new decking cost £120,000 and took 14 weeks to lay.</p></div>
      <div class="caption">Crowds of 3,000 people on Saturday.</div>
      <p>Traders said they had lost 40% of their takings.</p>
    </article>`);
    expect(p.blocks.map((b) => b.kind)).toEqual(['figcaption', 'figcaption', 'figcaption', 'paragraph']);
    expect(uncited(p)).toEqual([3]);
  });

  it('a caption with a link under a quote of its figure still credits the quote', () => {
    const p = page(
      `<article><figure><blockquote><p>The wall will not survive another winter, and 40% of it is loose.</p></blockquote><figcaption>Chief inspector, <a href="https://inspectorate.example.gov/wall">inspection report</a></figcaption></figure></article>`,
    );
    expect(p.blocks.map((b) => b.kind)).toEqual(['blockquote', 'source-line']);
    expect(p.blocks[0].credits).toEqual([{ via: 'source-line', block: 1 }]);
  });
});

describe('firsthand: the writer told, the outlet\'s own sources (issue 8, claims-labelling.md "said to the writer or outlet")', () => {
  const firsthandOf = (...paragraphs: string[]) => post(...paragraphs).blocks.map((b) => b.firsthand?.words);

  it('"we\'re told", "I\'m told", "we were told by officials" are said to the outlet: firsthand, not CLAIM_UNCITED', () => {
    const story = post(
      'The Marrow County ferry was taken from its berth at the quay late on Tuesday, the harbour office confirmed.',
      "We're told the harbour cameras recorded two men on the pier just after midnight.",
      "I'm told the county has asked the coastguard to search the estuary.",
      'We have been told by two officials that the ferry was insured for a large sum.',
    );
    expect(story.blocks.map((b) => b.firsthand?.words)).toEqual([
      undefined,
      ["We're told"],
      ["I'm told"],
      ['We have been told'],
    ]);
    expect(uncited(story)).toEqual([0]);
  });

  it('"our sources say", "my sources said" are the outlet\'s own sources; "our sources" as references is not', () => {
    expect(
      firsthandOf(
        'Our sources say the singer told deputies the jacket was taken from her dressing room on Friday.',
        'The club was fined twice last season, our league sources confirmed.',
        'My sources said the board had met again before the vote in March.',
      ),
    ).toEqual([['Our sources say'], ['our league sources confirmed'], ['My sources said']]);
    // Not the outlet's sources speaking: the writer's reading list, an instruction given to the writer.
    const other = post(
      'Our sources are listed below, and the survey found that 40% of the town had moved away.',
      'I was told to wait, and the clerk said 300 people had already applied for the permit.',
    );
    expect(other.blocks.map((b) => b.firsthand)).toEqual([undefined, undefined]);
  });
});
