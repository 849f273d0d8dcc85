import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { claimSignals } from '../../src/extract/signals.js';
import { statements } from '../../src/extract/statements.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';
import {
  attributionsOf as attributions,
  figuresOf as figures,
  markdownPost as post,
  uncited,
} from '../helpers/claim-posts.js';

// Claims of news and narrative writing that carry no figure, quote or "said" (issue 8, recall).

// A story in the reporting voice: third person throughout, names its parties mid-sentence.
const STORY = [
  'Port Elwood approved a second container terminal in May, ending a dispute with Calder Shipping that lasted years.',
  'The harbour board had hired Halvorsen, a former pilot, to run the quay, and the ferry operators backed the choice.',
  'Westbrook Rail extended its freight line to the quay after Marrow County dropped its objection to the dredging.',
];

const statementsOf = (p: ExtractedPost, i: number): string[] =>
  (p.blocks[i].evidence ?? []).filter((e) => e.signal === 'statement').map((e) => e.text);

describe('statements in narrative sentences', () => {
  it('"he"/"she" as a subject stands for the party the paragraph names', () => {
    const text = 'Calder Shipping and Westbrook Rail are rivals on the Port Elwood quay. He resolved to end it.';
    expect(statements(text)).toEqual(['He … resolved']);
    // Without a name in the paragraph, a pronoun names no party.
    expect(statements('The quay is busy in summer. He resolved to end it.')).toEqual([]);
  });

  it('a possessive opening a sentence is a name ("Marrow’s investors made …"), not "Today’s"', () => {
    const text = 'Calder Shipping is a rival of Westbrook Rail. Marrow’s investors made it sell the ferry.';
    expect(statements(text)).toEqual(['Marrow … made']);
    expect(
      statements('Calder Shipping is a rival of Westbrook Rail. Today’s investors made it sell the ferry.'),
    ).toEqual([]);
  });

  it('a modal in a relative clause leaves the sentence a statement; any other modal makes it speculation', () => {
    expect(statements('As the company grew, Calder Shipping added managers who could meet with Port Elwood.')).toEqual([
      'Calder Shipping … grew',
    ]);
    expect(statements('Calder Shipping added managers, and they could meet with Port Elwood.')).toEqual([]);
    // "that" opening a clause is its subject, no relative pronoun.
    expect(statements('And that may be why Port Elwood dropped Calder Shipping in May.')).toEqual([]);
  });

  it('a sentence opening with "If" is a hypothetical, no statement', () => {
    expect(statements('If a deal is reached without Port Elwood, Calder Shipping is likely to sue.')).toEqual([]);
    expect(statements('Calder Shipping is likely to sue Port Elwood if no deal is reached.')).toEqual([
      'Calder Shipping … is likely to',
    ]);
  });
});

describe('one-sentence paragraphs of a story', () => {
  it('a short beat naming a party states, its first word a name where the post writes it so mid-sentence', () => {
    const p = post(
      ...STORY,
      'Halvorsen ignored her.',
      'But Halvorsen was determined.',
      'He deputized Marrow to tell them.',
    );
    expect(statementsOf(p, 3)).toEqual(['Halvorsen … ignored']);
    expect(statementsOf(p, 4)).toEqual(['Halvorsen … determined']);
    expect(statementsOf(p, 5)).toEqual(['He … deputized']);
    expect(uncited(p)).toEqual(expect.arrayContaining([3, 4, 5]));
    // An adverb between the name and its verb.
    expect(statementsOf(post(...STORY, 'Halvorsen eventually asked Marrow for help.'), 3)).toEqual([
      'Halvorsen … asked',
    ]);
  });

  it('no statement in a short line with no name, a credit line, a caption with no sentence end, or a noun after the first word', () => {
    const p = post(
      ...STORY,
      'Eventually the ferry returned.',
      'The Associated Press contributed to this report.',
      'Jo Lee reported from Port Elwood.',
      'Illustration by Mike Nudelman',
      // "Westbrook" is a name mid-sentence above; here a noun follows it: an adjective, no subject.
      'Westbrook trains stopped.',
    );
    for (let i = 3; i < p.blocks.length; i++) expect(p.blocks[i].signals).not.toContain('statement');
  });

  it('no short statements in a post in the personal voice', () => {
    const p = post(
      'I moved to Port Elwood in 2019 and we bought a boat from Calder Shipping the year after.',
      'Our neighbours still argue about the quay, and I do not blame them for it one bit.',
      'You should visit in spring if you can, when the ferry runs twice a day again.',
      'Halvorsen ignored her.',
    );
    expect(p.blocks[3].signals).toEqual([]);
  });
});

describe('positions without a reporting verb: belief, hope and fear', () => {
  it.each([
    ['The United States hopes that a deal can be finished this month.', ['United States hopes']],
    ['Most economists expect a recession next year.', ['Most economists expect']],
    ['Police suspect the fire was set on purpose.', ['Police suspect']],
    ['It is feared that the virus has spread to the port.', ['It is feared']],
    ['Many residents believe that the quay is unsafe.', ['Many residents believe']],
  ])('reports a position: %s', (text, found) => {
    expect(attributions(text)).toEqual(found);
  });

  it.each([
    'I hope that the build passes this time.',
    'We expect the parcel on Monday.',
    'My friends think that I should move to the coast.',
    'The expected cost rose again.',
    'The bridge is expected to be finished in May.',
    'It hopes that the cache is warm.',
    "Let's say you have three apples.",
  ])('no position: %s', (text) => {
    expect(attributions(text)).toEqual([]);
  });
});

describe('concerns raised', () => {
  it('concerns, fears and hopes raised or growing are a position, though no one is named', () => {
    expect(attributions('The attack raised concerns that the government would be pressured to crack down.')).toEqual([
      'raised concerns that',
    ]);
    expect(attributions('Shares fell amid growing fears that the port would close.')).toEqual([
      'amid growing fears that',
    ]);
    expect(attributions('I have growing doubts that the port will reopen.')).toEqual([]);
    expect(attributions('The attack raised concerns about security.')).toEqual([]);
  });
});

describe('conceding and coining', () => {
  it('"conceded"/"admitted" report words, not a contest given up or a fault owned', () => {
    expect(attributions('The governor admitted the state had run out of funds.')).toEqual(['The governor admitted']);
    expect(attributions('“We got it wrong,” the coach conceded.')).toEqual(['the coach conceded']);
    expect(attributions('The coach conceded that the team was tired.')).toEqual(['The coach conceded']);
    expect(attributions('The mayor conceded defeat on Sunday night.')).toEqual([]);
    expect(attributions('The company admitted the mistake and refunded its customers.')).toEqual([]);
  });

  it('"coined" credits a term to someone', () => {
    expect(attributions('It is a term coined by the media to describe bacteria that resist antibiotics.')).toEqual([
      'a term coined',
    ]);
  });
});

describe('photo captions written as paragraphs', () => {
  it('a paragraph closing with a photo credit is a caption: no claim, no statement', () => {
    const p = post(
      ...STORY,
      'Gunmen stormed Port Elwood’s museum on Wednesday, killing at least 19 people. (Reuters)',
      'Halvorsen speaks to the harbour board in May. (AP Photo/Jo Lee)',
      'The ferry leaves Port Elwood at dawn. Photo: Getty Images',
    );
    for (const i of [3, 4, 5]) {
      expect(p.blocks[i].signals).toEqual([]);
      expect(uncited(p)).not.toContain(i);
    }
  });

  it('a paragraph opening with the photographer and agency ("Jo Lee/Getty Images …") is a caption', () => {
    const p = post(
      ...STORY,
      'Cliff Welch/Icon SMI Halvorsen denies that he took money from Calder Shipping while at the quay.',
      'Jo Lee/Getty ImagesShould the ferry have been sold along with the quay?',
      'Halvorsen/Marrow County officials denied that the ferry was sold.',
    );
    for (const i of [3, 4]) expect(uncited(p)).not.toContain(i);
    // A slash between two names with no agency is no credit.
    expect(uncited(p)).toContain(5);
  });

  it('a paragraph of a story that names an agency mid-text, or a long one, is no caption', () => {
    const long = `${STORY[0]} ${STORY[2]} ${STORY[0]} ${STORY[2]} ${STORY[0]} (Reuters)`;
    const p = post(...STORY, 'Reuters reported that 19 people were killed in the attack on the museum.', long);
    expect(uncited(p)).toEqual(expect.arrayContaining([3, 4]));
  });
});

describe('transcripts with speaker labels in mixed case', () => {
  it('"Jon Smith:" labels make a transcript as "JON SMITH:" do', () => {
    const p = extractPost(
      parseDocument(
        [
          'Anna Reed: The council cut the ferry budget by $2 million on Monday.',
          'John Marsh: I think it is a shame. We said "this will cost the town far more than it saves".',
          'Anna Reed: Do you think the council will change its mind?',
          'John Marsh: I doubt it, and I have run boats here for 30 years.',
        ].join('\n\n') + '\n',
        { source: 'story.md' },
      )[0],
    );
    expect(p.blocks[1].signals).toEqual([]);
    expect(p.blocks[3].signals).toEqual([]);
    expect(uncited(p)).toContain(0);
  });

  it('a picture\'s credit line ("Image: …") opens no turn over the profile before a Q&A', () => {
    const p = extractPost(
      parseDocument(
        [
          'Image: Ana Ruiz',
          'Reed founded the ferry company in 2009 with Marsh, and it now carries 40,000 passengers a year.',
          '"When my son was born, I decided to work less," Reed said.',
          'We talked with Reed about how it started.',
          '## Q&A with John Reed',
          'Mag: How did it start?',
          'Reed: I bought one boat. We grew from there.',
          'Mag: And now?',
          'Reed: I still run it with Marsh.',
        ].join('\n\n') + '\n',
        { source: 'profile.md' },
      )[0],
    );
    // The profile keeps its figure, quote and attribution: no turn runs from the credit line.
    expect(p.blocks[1].signals).toContain('number');
    expect(p.blocks[2].signals).toEqual(expect.arrayContaining(['quote', 'attribution']));
    // The Q&A is still a transcript: the interviewee's first-person turns are no claims.
    expect(p.blocks[6].signals).toEqual([]);
    expect(p.blocks[8].signals).toEqual([]);
  });
});

describe('quotes in a post in the personal voice', () => {
  it("a quotation nobody is said to have spoken is the writer's example, no claim", () => {
    const p = post(
      'I hear it every day, and you probably do too.',
      '“I’m so hungry I could eat a horse,” means you’re hungry. You don’t need to say more.',
      'We all know the feeling, and I am no better.',
      'My editor told me “the word has lost its meaning for good.”',
    );
    expect(p.blocks[1].signals).toEqual([]);
    // A quote with a speaker outside the quotes ("my editor told me") keeps its signal.
    expect(p.blocks[3].signals).toContain('quote');
  });

  it('a speaker who "would have said" it is hypothetical: the quote is still the writer\'s example', () => {
    const p = post(
      'I hear it every day at work and on the bus, and you probably hear it just as often.',
      'An abuser would have said: “Every time a person uses that word, a piece of my soul withers.” Which is wrong.',
      'We all know the feeling when it happens, and I am honestly no better than you are.',
    );
    expect(p.blocks[1].signals).toEqual([]);
  });

  it('in the reporting voice an unattributed quote stays a quote', () => {
    const p = post(
      'The council voted on Monday to close the ferry, officials said.',
      '“This will cost the town far more than it saves.”',
      'The ferry carried 40,000 people last year.',
    );
    expect(p.blocks[1].signals).toContain('quote');
  });
});

describe("a reviewer's cases: labels, presenters and wire paragraphs", () => {
  it('a metadata or credit label seen once opens no turn over the story after it', () => {
    const p = post(
      'Photograph: Getty Images',
      'Okafor cut the clinic’s waiting list by 40% in a year, according to city records.',
      'When I visited in May, the waiting room was empty.',
      'Q: How did you do it?',
      'Dana Okafor: I hired four nurses.',
      'Q: And next?',
      'Dana Okafor: I want to open a second clinic.',
    );
    expect(p.blocks[1].signals).toEqual(expect.arrayContaining(['number', 'attribution']));
    expect(p.blocks[4].signals).toEqual([]);
  });

  it("a presenter's turn saying 'joining me' or 'our reporter' keeps its signals", () => {
    const p = post(
      'Jon Smith: Welcome back. Joining me now is Mayor Lisa Chen. The council voted 7-2 last night to close the ferry.',
      'Lisa Chen: I think it was the right call.',
      'Jon Smith: Our reporter Amy Lee says 300 jobs are at stake.',
      'Lisa Chen: I hope we can save them.',
    );
    expect(p.blocks[0].signals).toContain('number');
    expect(p.blocks[2].signals).toContain('attribution');
    expect(p.blocks[1].signals).toEqual([]);
  });

  it('a wire paragraph ending "(Reuters)" that reports figures is no photo caption', () => {
    const p = post(
      'The central bank raised its key rate to 5.25%, Governor Ann Walsh said on Tuesday, citing inflation of 7%. (Reuters)',
      'President Ann Walsh speaks at the central bank in Lisbon. (AP Photo/Jane Doe)',
    );
    expect(p.blocks[0].signals).toEqual(expect.arrayContaining(['number', 'attribution']));
    expect(p.blocks[1].signals).toEqual([]);
  });
});

describe('wire stories: datelines, credit lines, pronouns and brand names', () => {
  it('a credit line of any length states nothing', () => {
    const p = post(
      ...STORY,
      'Associated Press writers Jo Lee in Port Elwood and Sam Hart in Marrow County contributed to this report.',
      'Reporting was contributed by Jo Lee, Sam Hart and Ann Cole.',
    );
    expect(p.blocks[3].signals).not.toContain('statement');
    expect(uncited(p)).not.toContain(3);
    expect(p.blocks[4].signals).not.toContain('statement');
    expect(uncited(p)).not.toContain(4);
  });

  it('a name in camel case ("iPhone") or with a bare apostrophe ("Jobs’") is a name', () => {
    // "Calders’" opening the sentence is a possessive; "iFerry" a second name.
    expect(statements('Calders’ ferries grew as the iFerry redefined the crossing.')).toEqual(['Calders … grew']);
  });

  it('a pronoun doing something counts as a party beside the one name of the paragraph', () => {
    expect(
      statements('As Halvorsen was praised, doubts about the quay persisted. He had previously run the ferry.'),
    ).toEqual(['Halvorsen … praised', 'He … had previously run']);
    expect(statements('Her husband worked as a pilot on the quay until May. Now they will move to Marrow.')).toEqual([
      'Her husband … worked',
    ]);
    expect(statements('Halvorsen is a pilot who lives on the quay. They sailed from Marrow in 2009.')).toEqual([
      'They … sailed',
    ]);
    // One name with an event is enough; a pronoun with no event ("need" is no past tense) is not.
    expect(statements('As Halvorsen was praised, doubts about the quay persisted.')).toEqual(['Halvorsen … praised']);
    expect(statements('They need Halvorsen on the quay at full speed.')).toEqual([]);
  });

  it("a dateline's lede naming a party is a claim, and makes the post news", () => {
    const p = post(
      'How do you build a ferry? Our reporter went to the Port Elwood boat show to find out.',
      "PORT ELWOOD, Md. -- Marrow County's new harbour law may be backfiring on the ferry trade this summer.",
      'You can take the ferry at nine and be on the quay for the boat show by ten in the morning.',
      'It brought its newest ferry to the Port Elwood boat show here in May, beside Calder Shipping.',
    );
    expect(statementsOf(p, 1)).toEqual(['PORT ELWOOD, Md. -- … Marrow County']);
    // The dateline makes the post news, though half its paragraphs say "you": its statements count.
    expect(statementsOf(p, 3)).toEqual(['Port Elwood … brought']);
    expect(uncited(p)).toEqual(expect.arrayContaining([1, 3]));
  });

  it('no lede claim without a name past the dateline, and no dateline from a label or a lone word', () => {
    const p = post(
      'ANAHEIM, Calif. — Musicians often show off lots of rings but rarely make music with them until now.',
      ...STORY,
    );
    expect(p.blocks[0].signals).toEqual([]);
    const label = post(
      'OPINION — Calder Shipping runs the Port Elwood ferry again, and you can book seats as before.',
      'I took the ferry on Monday and we paid the same fare as last year, which you will like.',
      'Our boat left at nine and I was on the quay by ten, which was good for you and me.',
    );
    expect(label.blocks[0].signals).toEqual([]);
  });

  it('a rubric of several words in capitals ("PRO TIP --", "BEFORE YOU BEGIN —") is no dateline', () => {
    for (const rubric of ['PRO TIP --', 'BEFORE YOU BEGIN —', 'STEP ONE --', 'QUICK START —']) {
      const p = post(
        `${rubric} Back up your settings before you start. The upgrade erases everything.`,
        'You will need a computer connected by cable. Wi-Fi is not reliable during the flash.',
        'Linksys shipped a similar fix. Cisco acquired Linksys years ago.',
        'Open the admin page and log in. Then click Advanced and Firmware Update.',
        'Your router will reboot twice. This is normal, and it takes a few minutes.',
      );
      expect(uncited(p)).not.toContain(2);
    }
  });
});

describe("positions and provisions in a news story's plain sentences", () => {
  it('a belief verb with its clause but no "that" reports a position', () => {
    expect(attributions('Employers believe they can carry on because of the dismal economy.')).toEqual([
      'Employers believe',
    ]);
    expect(attributions('Residents fear the law will drive workers away.')).toEqual(['Residents fear']);
    // Not the writer's, not an object: "I believe they can", "believe the hype".
    expect(attributions('I believe they can carry on.')).toEqual([]);
    expect(attributions('Many fans believe the hype about the game.')).toEqual([]);
  });

  it('"disagreed", "objected" and "countered" report a position', () => {
    expect(attributions('Some farmers disagreed.')).toEqual(['Some farmers disagreed']);
    expect(attributions('The board disagrees, and the union objected to the plan.')).toEqual([
      'The board disagrees',
      'the union objected',
    ]);
  });

  it('what a law or a deal provides, in the present, is a statement though it names no party', () => {
    expect(statements('The law allows police to detain people who are suspected of being here illegally.')).toEqual([
      'The law … allows',
    ]);
    expect(statements("Marrow County's strict new harbour law targets employers by forbidding it.")).toEqual([
      "Marrow County's strict new harbour law … targets",
    ]);
    // Not what a bill would do, not "the law is", not someone saying what it does.
    expect(statements('The bill would require providers to store metadata for two years.')).toEqual([]);
    expect(statements('The law is perhaps the toughest in the nation.')).toEqual([]);
    expect(statements('A law this broad deserves more than a fortnight of debate.')).toEqual([]);
    expect(statements('Legislators said the law helps legal residents.')).toEqual([]);
  });

  it('a present progressive tells what a named party is doing', () => {
    expect(
      statements('Calder Shipping is giving the SDK to Port Elwood developers in the hope that they build apps.'),
    ).toEqual(['Calder Shipping … is giving']);
    expect(statements('Calder Shipping is interesting to Port Elwood investors.')).toEqual([]);
  });
});

describe('short paragraphs of two or three sentences', () => {
  it('"Walsh lobbied Halvorsen for months. Halvorsen ignored her." states, as one short sentence does', () => {
    const p = post(
      ...STORY,
      'The ferry operators backed Walsh, a former pilot, in the long dispute over the quay fees.',
      'Walsh lobbied Halvorsen for months. Halvorsen ignored her.',
      'It rained. Then Halvorsen left. And again. The quay flooded.',
    );
    expect(statementsOf(p, 4)).toEqual(['Walsh … lobbied', 'Halvorsen … ignored']);
    expect(uncited(p)).toContain(4);
    // Four sentences are no beat.
    expect(p.blocks[5].signals).not.toContain('statement');
  });
});

describe("a publisher's correction or update note", () => {
  it('does not turn a short news post personal, and a correction states nothing', () => {
    const p = post(
      ...STORY,
      'Correction 8/29/10 7:05 a.m.: A previous version of this story misstated Halvorsen’s title at Calder Shipping.',
      'Update: We have added what Marrow County said to us on Friday about the dredging plan.',
      'Editor’s note: We spoke to Marrow County on Friday, and our reporter visited the Port Elwood quay.',
    );
    // Two of six prose paragraphs say "we": the notes do not vote, the story stays news.
    expect(statementsOf(p, 0)).toEqual(['Port Elwood … approved']);
    expect(p.blocks[3].signals).not.toContain('statement');
  });
});

describe('beliefs in a post in the personal voice', () => {
  const PERSONAL = [
    'I retired in 2019 and we moved to the coast, where I started this blog about money.',
    'You should know your number before you stop working, and I will show you how to find it.',
  ];

  it("what people around the writer fear or believe is the writer's account, not a position to source", () => {
    const p = post(
      ...PERSONAL,
      'Many retirees fear that they will outlive their savings before they turn ninety.',
      'Our team believes that the new planner is the easiest way to budget for a long retirement.',
    );
    expect(p.blocks[2].signals).not.toContain('attribution');
    expect(p.blocks[3].signals).not.toContain('attribution');
    expect(uncited(p)).toEqual([]);
  });

  it("an expert's belief, a pronoun's and the same words in the reporting voice stay positions", () => {
    const p = post(
      ...PERSONAL,
      'Most economists expect that rates will fall again next year, and they fear that a recession is near.',
    );
    expect(p.blocks[2].evidence).toEqual([
      { signal: 'attribution', text: 'Most economists expect' },
      { signal: 'attribution', text: 'and they fear' },
    ]);
    const news = post(...STORY, 'Many retirees fear that they will outlive their savings in Port Elwood.');
    expect(news.blocks[3].signals).toContain('attribution');
  });
});

describe('a view held of something', () => {
  it.each([
    ['Still, the United States sees the Russian move as a false signal to Tehran.', ['United States sees']],
    ['Beijing views the harbour deal as a threat to its fleet.', ['Beijing views']],
  ])('reports a position: %s', (text, found) => {
    expect(attributions(text)).toEqual(found);
  });

  it.each([
    'I see the move as a mistake.',
    'When emcc sees we only want Wasm, it makes the output standalone.',
    'It views the file as a stream.',
  ])('no position: %s', (text) => {
    expect(attributions(text)).toEqual([]);
  });
});

describe('quotations of several paragraphs and tweets', () => {
  it('a paragraph opening a quotation it never closes is quoted whole (the next one continues it)', () => {
    const p = post(
      'Marsh said in a statement on Monday that the crew had done what they could.',
      '“As the storm rose, the crew did all they could to hold the ferry. They were fighting the tide all night.',
      '“She was taking water from the bow.”',
    );
    expect(p.blocks[1].signals).toContain('quote');
    expect(uncited(p)).toContain(1);
    // A closed quotation inside the paragraph is read as before: only its words.
    expect(claimSignals('“Short.” Then the ferry left the quay at noon.').signals).not.toContain('quote');
  });

  it('a bulleted paragraph opening a quotation, and the last one closing it, are quoted whole', () => {
    expect(claimSignals('• "Calder Shipping promises once again to cut the ferry service.').signals).toContain('quote');
    expect(claimSignals('• The harbour board is working to keep the ferry running all year."').signals).toContain(
      'quote',
    );
    // A closing mark after no sentence end, or with an opening one before it, is no such end.
    expect(claimSignals('The ferry is 6 feet 2" wide').signals).not.toContain('quote');
    expect(claimSignals('The sign on the quay read "Closed."').signals).not.toContain('quote');
  });

  it('"tweeted" reports words; "tweets" alone names them', () => {
    expect(attributions('Calder Shipping tweeted this announcement: the ferry is late.')).toEqual([
      'Calder Shipping tweeted',
    ]);
    expect(attributions('Her tweets were deleted on Monday.')).toEqual([]);
  });
});

describe('positions without "that"', () => {
  it('"claim" with a clause of its own after it reports a position; "the claims they are making" does not', () => {
    expect(attributions('Halvorsen and other pilots claim they are speaking out for the crews.')).toEqual([
      'other pilots claim',
    ]);
    expect(attributions('The claims they are making are false.')).toEqual([]);
  });

  it('concerns expressed or voiced about something are a position; concerns raised about it by the writer are not', () => {
    expect(attributions('Halvorsen met the harbour board and expressed their concerns about the dredging.')).toEqual([
      'expressed their concerns about',
    ]);
    expect(attributions('Marrow County voiced support for the ferry.')).toEqual(['voiced support for']);
    expect(attributions('This raises concerns about the dredging.')).toEqual([]);
  });
});

describe('reporting verbs in a condition', () => {
  it('"If X disagrees with …" reports nothing yet; the reported words after the condition count', () => {
    expect(attributions('If the harbour master disagrees with the plan, the board will meet again.')).toEqual([]);
    expect(attributions('Unless Marsh says otherwise, the ferry runs on Monday.')).toEqual([]);
    expect(attributions('If the ferry is late, Marsh said, the board will meet again.')).toEqual(['Marsh said']);
  });
});

describe('what the writer was told', () => {
  it('"we\'re told there is …", "I\'m told that …" attribute to the writer\'s sources; "I was told to wait" does not', () => {
    expect(attributions("We're told there is security footage of the quay.")).toEqual(["We're told"]);
    expect(attributions('We are told the ferry was taken from the quay.')).toEqual(['We are told']);
    expect(attributions("I'm told that Marsh left the board.")).toEqual(["I'm told"]);
    expect(attributions('I was told to wait outside the harbour office.')).toEqual([]);
    expect(attributions("We're not told there is a ferry.")).toEqual([]);
  });
});

describe("positions of the writer's own people, and things tweeted", () => {
  it('in a personal post, "my husband disagreed", "our kids claim", "my mother expressed concerns" are no claims', () => {
    const p = post(
      'I baked sourdough for the first time this weekend, and honestly I was nervous about it.',
      'My husband disagreed with my choice of flour, but we used the rye anyway.',
      'Our kids claim they hate the crust. They eat it anyway.',
      'My mother expressed concerns about the mess in the kitchen.',
      'I think the loaf came out well, and I will bake again next week.',
    );
    expect(uncited(p)).toEqual([]);
  });

  it('the sentence of a lay position is found as every stage finds sentences: after a question too', () => {
    const p = post(
      'I baked sourdough for the first time this weekend, and honestly I was nervous about it.',
      'Was the kitchen a mess? My younger sister objected to the flour on the floor, and I swept it up.',
      'I think the loaf came out well, and I will bake again next week.',
    );
    expect(uncited(p)).toEqual([]);
  });

  it('"a seal found by crews" is a thing discovered, not a finding', () => {
    expect(attributions('They showed us the skull of a seal found by Calder Shipping crews in 2019.')).toEqual([]);
    expect(attributions('The harbour survey found that most ferries run late.')).toEqual(['harbour survey found']);
  });

  it('"tweeted a photo", "tweeted the release notes" report no words; "tweeted this announcement: …" does', () => {
    expect(attributions('The team tweeted the release notes on Monday.')).toEqual([]);
    expect(attributions('Calder Shipping tweeted a link to the new terms.')).toEqual([]);
    expect(attributions('Calder Shipping tweeted this announcement: the ferry is late.')).toEqual([
      'Calder Shipping tweeted',
    ]);
  });
});

describe('positions told without a reporting verb (issue 8, fresh5–fresh7 kinds)', () => {
  it('an idea contested, or a party defended on stated grounds, by others is their position; by the writer it is not', () => {
    expect(attributions('Several engineers have challenged the idea that the quay can carry the cranes.')).toEqual([
      'engineers have challenged the idea that',
    ]);
    expect(attributions('The ministry rejected the claim that the dredging was unsafe.')).toEqual([
      'The ministry rejected the claim that',
    ]);
    expect(
      attributions('Ferry regulars defended the operator on the grounds that fares are set by the board.'),
    ).toEqual(['Ferry regulars defended the operator on the grounds that']);
    expect(attributions('I have challenged the idea that the quay is unsafe.')).toEqual([]);
    expect(attributions('This challenges the idea that the quay is unsafe.')).toEqual([]);
  });

  it('someone asked in the passive ("the mayor was asked whether …") reports a question on record; "I was asked" does not', () => {
    expect(attributions('On the radio on Sunday, Marsh was asked whether the board would raise fares.')).toEqual([
      'Marsh was asked whether',
    ]);
    expect(attributions('I was asked whether I liked the ferry.')).toEqual([]);
  });

  it('a position called for by a named party or an institution; not what a plan or a recipe calls for', () => {
    expect(attributions('Harbour Democrats have called for a review of the terminal lease.')).toEqual([
      'Democrats have called for',
    ]);
    expect(attributions('The council calls for a new quay.')).toEqual(['The council calls for']);
    expect(attributions('The recipe calls for two eggs and a cup of flour.')).toEqual([]);
    expect(attributions('The plan calls for 300 new berths.')).toEqual([]);
    expect(attributions('It calls for a new quay.')).toEqual([]);
  });

  it('what an outlet has learned, closing its sentence, is reported; "has learned to" is not', () => {
    expect(attributions('The mayor’s car was towed from the quay overnight, the Gazette has learned.')).toEqual([
      'the Gazette has learned',
    ]);
    expect(attributions('Marsh has learned to sail this summer.')).toEqual([]);
    expect(attributions('Since then we have learned.')).toEqual([]);
  });

  it('a party portrayed by others ("was written about as", "has cast him as", "is billed as"); not the writer, not a thing', () => {
    expect(attributions('For years, Marsh was written about as a visionary of the harbour.')).toEqual([
      'Marsh was written about as',
    ]);
    expect(attributions('A new book about the port has cast him as a schemer.')).toEqual(['port has cast him as']);
    expect(attributions('Calder Shipping is billed as the fastest on the coast.')).toEqual([
      'Calder Shipping is billed as',
    ]);
    expect(attributions('The harbour board is billed as the oldest on the coast.')).toEqual([
      'harbour board is billed as',
    ]);
    // A thing so described, or the writer's own, is no one's portrayal.
    expect(attributions('The ferry is billed as the fastest on the coast.')).toEqual([]);
    expect(attributions('The `strict` option is described as the recommended default.')).toEqual([]);
    expect(
      attributions('Our first pick was billed as a cosy mystery, and half the group quit by chapter ten.'),
    ).toEqual([]);
    // … unless whoever described it is named.
    expect(attributions('The strandings have been described as “heartbreaking” by the department.')).toEqual([
      'strandings have been described as',
    ]);
    expect(attributions('I was described as difficult by my teachers.')).toEqual([]);
    expect(attributions('It is described as a tool for builds.')).toEqual([]);
    expect(attributions('The value was cast as an integer.')).toEqual([]);
  });

  it("a named party's belief about something is its position; not what it hopes to do or believes in", () => {
    expect(attributions('The Ngaro believe the seals beach when they are ready to die.')).toEqual([
      'The Ngaro believe',
    ]);
    expect(attributions('Calder Shipping expects the vote to fail.')).toEqual(['Calder Shipping expects']);
    expect(attributions('Calder Shipping hopes to sail in May.')).toEqual([]);
    expect(attributions('Calder Shipping believes in open books.')).toEqual([]);
    expect(attributions('Many believe the ferry is late.')).toEqual([]);
  });

  it('a view held in the present plural ("former players see it as …") is a position, as "sees" is; not "I see it as"', () => {
    expect(attributions('Many ferry regulars see the new timetable as a betrayal.')).toEqual(['ferry regulars see']);
    expect(attributions('Harbour unions view the plan as a threat to jobs.')).toEqual(['Harbour unions view']);
    expect(attributions('I see it as a chance to sail more.')).toEqual([]);
  });

  it("a patient's condition as hospitals report it is someone's report; a thing's condition is not", () => {
    expect(attributions('Marsh is in serious condition in a Port Elwood hospital.')).toEqual([
      'Marsh is in serious condition',
    ]);
    expect(attributions('The ferry is in good condition after the refit.')).toEqual([]);
    expect(attributions('I was in stable condition by then.')).toEqual([]);
  });

  it('unnamed sources ("sources close to", "people familiar with the talks", "the source could not") attribute', () => {
    expect(attributions('Sources close to the talks are hopeful.')).toEqual(['Sources close to']);
    expect(attributions('Marsh will resign, according to people familiar with the talks.')).toEqual([
      'according to',
      'according to people familiar with the talks',
    ]);
    expect(attributions('The source could not say when the talks began.')).toEqual(['The source could not']);
    expect(attributions('People familiar with Linux will find the ferry app easy.')).toEqual([]);
    expect(attributions('An open source could not replace the tool.')).toEqual([]);
  });
});

describe('reporting verbs that report nothing (issue 8, fresh5–fresh7 kinds)', () => {
  it('a participle after a preposition is an adjective ("investigated for alleged incidents")', () => {
    expect(attributions('Three clubs are being investigated for alleged payments to players.')).toEqual([]);
    expect(attributions('The club alleged that players were paid.')).toEqual(['The club alleged']);
  });

  it('"we were told that …" is a reporter\'s sourcing in news, the writer\'s past in a personal post', () => {
    expect(attributions('We are told that Marsh left the board.')).toEqual(['We are told']);
    expect(attributions('The Gazette was told by police that three men were arrested.')).toEqual(['Gazette was told']);
    const news = post(
      'The Port Elwood ferry terminal will close in June after the harbour board voted to sell the land to Calder Shipping.',
      'We were told by two senior officials that the decision was final and the staff would go.',
      'We were told the harbour master had already resigned before the board met on Monday.',
      'The board did not answer questions about the sale price, which the council has put at a low figure.',
      'Calder Shipping plans to build apartments on the site once the last ferry has left the quay.',
    );
    // Claims (the outlet's sources speaking), but said to the writer: firsthand, no link asked (claims-labelling.md).
    expect(news.blocks[1].signals).toContain('attribution');
    expect(news.blocks[2].signals).toContain('attribution');
    expect(news.blocks.map((b) => b.firsthand?.words)).toEqual([
      undefined,
      ['We were told'],
      ['We were told'],
      undefined,
      undefined,
    ]);
    expect(uncited(news)).not.toContain(1);
    expect(uncited(news)).not.toContain(2);
    const diary = post(
      'I worked at the Port Elwood ferry terminal for twenty years, and I loved every one of them.',
      'In 2001 we were told that our jobs were gone, and I went home and cried for a week.',
      'We found new work in the end, and I still walk down to the quay every Sunday morning.',
    );
    expect(uncited(diary)).toEqual([]);
  });

  it('"that opener suggests that …" is the writer\'s reading of what the post points at; "the survey suggests that" reports', () => {
    expect(attributions('That reply suggests that the board is ready to talk.')).toEqual([]);
    expect(attributions('The survey suggests that the board is ready to talk.')).toEqual(['The survey suggests']);
  });
});

describe('changes in size told in words (issue 8)', () => {
  it('"have been on the rise", "have doubled", "has risen sharply" are figures; not the writer\'s own', () => {
    expect(figures('Ferry fares have been on the rise in the past decade.')).toEqual(['been on the rise']);
    expect(figures('Berth fees have doubled since the terminal opened.')).toEqual(['have doubled']);
    expect(figures('Freight on the quay has risen sharply this year.')).toEqual(['has risen']);
    expect(figures('Our costs have doubled since we moved the boat.')).toEqual([]);
    expect(figures('The tide has turned.')).toEqual([]);
  });
});

describe('the position and trend readings on ordinary writing (review17)', () => {
  it('a change in size is a figure only for a party or a measured quantity, not in the writer’s sentence or an instruction', () => {
    expect(figures('Cover the bowl and let the dough rise until it has doubled in size.')).toEqual([]);
    expect(figures('Once the dough has doubled, shape it gently.')).toEqual([]);
    expect(figures('Flour prices have soared this year, so I buy in bulk.')).toEqual([]);
    expect(figures('Attendance has doubled since we moved to the library.')).toEqual([]);
    expect(figures('Build times have risen sharply on large monorepos; see the caching section.')).toEqual([]);
    expect(figures('Life-threatening peanut allergies have mysteriously been on the rise.')).toEqual([
      'been on the rise',
    ]);
    expect(figures('The number of ferry crossings has tripled since 2019 at Port Elwood.')).toEqual(['has tripled']);
  });

  it('"in … condition" is a patient’s, serious/critical/stable/grave, not the writer’s own or a thing’s', () => {
    expect(attributions('The roof is in fair condition, and the gutters were replaced.')).toEqual([]);
    expect(attributions('The cat is in serious condition after the fall.')).toEqual([]);
    expect(attributions('My neighbour Sue is in serious condition after a fall.')).toEqual([]);
    expect(attributions('Duncan is in serious condition in a Dallas hospital.')).toEqual([
      'Duncan is in serious condition',
    ]);
    expect(attributions('The driver was in critical condition on Sunday.')).toEqual([
      'The driver was in critical condition',
    ]);
  });

  it('"was asked whether" and "has called for": not the writer’s people, not a thing', () => {
    expect(attributions('At the first meeting my kids were asked whether they wanted to join.')).toEqual([]);
    expect(attributions('The parser was asked whether the token is a keyword.')).toEqual([]);
    expect(attributions('My sister Jo has called for a rematch next Sunday.')).toEqual([]);
    expect(attributions('The Chicago Manual calls for a serial comma.')).toEqual([]);
    expect(attributions('On Sunday, Boehner was asked if Republicans would campaign on it.')).toEqual([
      'Boehner was asked if',
    ]);
    expect(attributions('Mr. Marsh has called for an inquiry.')).toEqual(['Marsh has called for']);
  });

  it('"has learned" is an outlet’s sourcing; unnamed sources are a story’s', () => {
    expect(attributions('Here is what Penguin has learned.')).toEqual([]);
    expect(attributions('The dress was stolen from her room, the Gazette has learned.')).toEqual([
      'the Gazette has learned',
    ]);
    expect(attributions('The Gazette has learned that the dress was stolen.')).toEqual(['Gazette has learned that']);
    expect(attributions('The source could not be read if the path is wrong.')).toEqual([]);
    expect(attributions('The source did not compile on Windows until 2.1.')).toEqual([]);
    expect(attributions('Sources close to the root are resolved first.')).toEqual([]);
    expect(attributions('The source could not provide details of the talks.')).toEqual(['The source could not']);
    expect(attributions('Sources close to the root said the tree would fall.')).toEqual([
      'the root said',
      'Sources close to',
    ]);
  });
});

describe('the position and trend readings in other tenses and shapes (review17)', () => {
  it('the present plural and bare nouns of a contested idea', () => {
    expect(attributions('Critics dispute the notion that tariffs protect jobs.')).toEqual([
      'Critics dispute the notion that',
    ]);
    expect(attributions('Supporters defend the plan on the grounds that it saves money.')).toEqual([
      'Supporters defend the plan on the grounds that',
    ]);
    expect(attributions('The company rejected suggestions that it had misled investors.')).toEqual([
      'The company rejected suggestions that',
    ]);
    expect(attributions('Scientists have questioned the long-held idea that fat causes harm.')).toEqual([
      'Scientists have questioned the long-held idea that',
    ]);
  });

  it('"is calling for", "call for", "described by colleagues as", "portrayed the mayor as"', () => {
    expect(attributions('Labour is calling for a full inquiry.')).toEqual(['Labour is calling for']);
    expect(attributions('Unions call for a strike over the cuts.')).toEqual(['Unions call for']);
    expect(attributions('Recipes call for butter.')).toEqual([]);
    expect(attributions('She is described by colleagues as a pragmatist.')).toEqual([
      'She is described by colleagues as',
    ]);
    expect(attributions('Critics have long portrayed the mayor as a puppet.')).toEqual([
      'have long portrayed the mayor as',
    ]);
  });

  it('"taken to hospital in critical condition", "The senator, asked whether …"', () => {
    expect(attributions('Two people were taken to hospital in critical condition.')).toEqual([
      'people were taken to hospital in critical condition',
    ]);
    expect(attributions('The senator, asked whether she would resign, declined to comment.')).toEqual([
      'The senator, asked whether',
    ]);
    expect(attributions('The minister, who was asked whether she would resign, declined to answer.')).toEqual([
      'who was asked whether',
    ]);
  });

  it('the simple past of a change in size', () => {
    expect(figures('Rents doubled after the new law.')).toEqual(['doubled']);
    expect(figures('Prices rose sharply in March.')).toEqual(['rose sharply']);
    expect(figures('Crime is rising sharply in the suburbs.')).toEqual(['rising sharply']);
    expect(figures('The team doubled down on its plan.')).toEqual([]);
    expect(figures('She doubled the recipe for the party.')).toEqual([]);
  });
});

describe('release notes (issue 8, short beats in a project’s own notes)', () => {
  const notes = (heading: string): ExtractedPost =>
    post(
      '# Ferrylog 2.4',
      'The 2.4 release brings a new plugin system that lets harbours load their own timetables at startup.',
      'Tide tables moved to a plugin, and the core no longer links against the chart library at build time.',
      `## ${heading}`,
      'Safari rendering was fixed by Jo Marsh.',
      'Marsh joined the core team.',
      'GitHub Actions replaced Travis CI.',
    );

  it('under a release-notes heading ("Changes", "v2.4.0", "What’s new") the project’s short beats state nothing', () => {
    expect(uncited(notes('Changes'))).toEqual([]);
    expect(uncited(notes('v2.4.0'))).toEqual([]);
    expect(uncited(notes('What’s new'))).toEqual([]);
  });

  it('under any other heading ("Changes to the law", "1.5 million jobs lost") they still state', () => {
    expect(uncited(notes('Changes to the harbour law')).length).toBe(3);
    expect(uncited(notes('1.5 million jobs lost')).length).toBe(3);
  });

  it('Keep a Changelog’s "[2.4.0] - 2026-04-01" and "[Unreleased]" are release headings, their "Added"/"Fixed" sections too', () => {
    const keep = (heading: string): ExtractedPost =>
      post(
        '# Changelog',
        'All notable changes to the ferry timetable project are documented in this file, newest first.',
        `## ${heading}`,
        '### Fixed',
        'Safari rendering was fixed by Jo Marsh.',
        'Marsh joined the core team.',
      );
    expect(uncited(keep('[2.4.0] - 2026-04-01'))).toEqual([]);
    expect(uncited(keep('[Unreleased]'))).toEqual([]);
  });

  it('in news, "What’s new for renters" or a bare "Changes" is no release heading', () => {
    const news = (heading: string): ExtractedPost =>
      post(
        '# Harbour budget: what changes for you',
        'The harbour board passed its budget on Tuesday after a long debate in the chamber that ran late into the night.',
        `## ${heading}`,
        'Mayor Alice Jones fired the harbour chief, Tom Reid, after Reid approved the Quay Towers deal without a vote.',
        'Greenpeace sued Shell over the spill, and Exxon settled with the state of Alaska.',
      );
    expect(uncited(news('What’s new for renters')).length).toBe(2);
    expect(uncited(news('Changes')).length).toBe(2);
    expect(uncited(news('What’s new')).length).toBe(0);
  });
});

describe('words pointed at with "what" are not told (issue 8)', () => {
  it('"what Samantha actually wrote", "what the critics claim to want" report nothing said', () => {
    expect(attributions('Has anyone here read what Jo Marsh actually wrote about the quay?')).toEqual([]);
    expect(attributions('The ferry board is doing exactly what all the critics claim to want.')).toEqual([]);
    expect(attributions('Whatever the council said, the harbour stayed shut.')).toEqual([]);
  });

  it('"in what police said was …" and a plain "said" still report', () => {
    expect(attributions('The quay burned in what police said was a deliberate attack.')).toEqual(['what police said']);
    expect(attributions('Jo Marsh wrote that the quay would close in June.')).toEqual(['Jo Marsh wrote']);
  });
});

describe('a reporting verb whose object tells nothing (issue 8)', () => {
  it('"who wrote it", "said something critical", "told you everything" report nothing said', () => {
    expect(attributions('Send your thanks to the harbour clerk who wrote it.')).toEqual([]);
    expect(
      attributions('The ferry crews turned on Jo Marsh because she said something critical of the board.'),
    ).toEqual([]);
    expect(attributions('I am sure your friends on the quay told you everything worth knowing.')).toEqual([]);
  });

  it('a clause or a quote after the pronoun still reports', () => {
    expect(attributions('The harbour master said it was the worst storm in years.')).toEqual(['harbour master said']);
    expect(attributions('Jo Marsh said something odd: “The quay will close in June.”')).toEqual(['Jo Marsh said']);
    expect(attributions('The harbour office said nothing more had been found.')).toEqual(['harbour office said']);
  });
});

describe('"said" as an adjective (issue 8)', () => {
  it('after a preposition or an infinitive, "said" is the aforesaid: nothing said', () => {
    expect(attributions('They reach for a metaphor to illustrate said point about the quay.')).toEqual([]);
    expect(attributions('The council sold the rights of said property to Calder Shipping.')).toEqual([]);
  });

  it('a speaker after "to" or a preposition still speaks', () => {
    expect(attributions('A person close to Marsh said the quay would close.')).toEqual(['to Marsh said']);
    expect(attributions('A person close to him said the quay would close.')).toEqual(['to him said']);
  });
});
