import { describe, expect, it } from 'vitest';
import { markdownPost as post, uncited } from '../helpers/claim-posts.js';

// Ordinary English that this session's claim rules misread (issue 8, review of 4cafce6..main):
// each paragraph is checked as `check --offline` reads a Markdown file, beside what the rule was
// written for.

const evidence = (paragraph: string, signal: string): string[] =>
  (post(paragraph).blocks[0].evidence ?? []).filter((e) => e.signal === signal).map((e) => e.text);

describe('"what" before a reporting verb, and the words said after it', () => {
  it('a colon and a clause, or a quote, after "what … said" tells the words: an uncited claim', () => {
    const p = post('Here is what the minister said on Monday: the border will stay closed until March.');
    expect(p.blocks[0].signals).toContain('attribution');
    expect(uncited(p)).toEqual([0]);
    expect(
      evidence('This is what Calder Shipping wrote to staff: “The quay will close in June.”', 'attribution'),
    ).toEqual(['Calder Shipping wrote']);
    expect(evidence('Here is what the minister said: Calder Shipping will close the quay.', 'attribution')).toEqual([
      'the minister said',
    ]);
  });

  it('words only pointed at are still not told', () => {
    expect(evidence('Has anyone here read what Jo Marsh actually wrote about the quay?', 'attribution')).toEqual([]);
    expect(evidence('Read what the minister said on Monday: a short list.', 'attribution')).toEqual([]);
  });
});

describe('"said" after "to" and a word', () => {
  it('a listener after "speaking to", or a clause after "said", keeps the verb', () => {
    const p = post('A spokesman speaking to reporters said the plant would close next year.');
    expect(p.blocks[0].signals).toContain('attribution');
    expect(uncited(p)).toEqual([0]);
    expect(evidence('An aide talking to reporters said Monday the plant would close.', 'attribution')).toEqual([
      'to reporters said',
    ]);
    expect(evidence('An official close to the talks said that the plant would close.', 'attribution')).toEqual([
      'the talks said',
    ]);
  });

  it('"to illustrate said point", "of said property" are still the aforesaid', () => {
    expect(evidence('They reach for a metaphor to illustrate said point about the quay.', 'attribution')).toEqual([]);
    expect(evidence('The council sold the rights of said property to Calder Shipping.', 'attribution')).toEqual([]);
  });
});

describe('a handle and a colon that quote no post', () => {
  it('a handle after "us", or a label, or a time ("@9:") is no attribution', () => {
    const p = post(
      'Ping us @support: we answer every message the same day.',
      'Standup @nine: Alice presents the roadmap.',
      'Standup @9: Alice presents the roadmap.',
    );
    expect(p.blocks.map((b) => b.signals.includes('attribution'))).toEqual([false, false, false]);
    expect(uncited(p)).toEqual([]);
  });

  it('a pasted post still counts: at the start, after a quote mark, after who posted it', () => {
    expect(evidence('@harbourwatch: the ferry missed both sailings again.', 'attribution')).toEqual(['@harbourwatch:']);
    expect(
      evidence('An hour later came a reply from @quaynews: the harbour board knew in March.', 'attribution'),
    ).toEqual(['@quaynews:']);
    expect(evidence('The thread began “@quaynews: the harbour board knew in March.”', 'attribution')).toEqual([
      '@quaynews:',
    ]);
  });
});

describe('"we are told that": the public told, not the reporter', () => {
  it('the generic present is an uncited claim, not firsthand', () => {
    const p = post('We are told that crime rose by 40 percent last year, but the figures say otherwise.');
    expect(p.blocks[0].firsthand).toBeUndefined();
    expect(uncited(p)).toEqual([0]);
  });

  it('"we were told by two officials that", "I\'m told", "we\'re told that" stay firsthand', () => {
    const p = post(
      'We were told by two officials that the ferry was insured for a large sum.',
      "I'm told the county has asked the coastguard to search the estuary.",
      "We're told that the harbour cameras recorded two men on the pier.",
    );
    expect(p.blocks.map((b) => b.firsthand?.words)).toEqual([['We were told'], ["I'm told"], ["We're told"]]);
    expect(uncited(p)).toEqual([]);
  });
});

describe('"the bank", "the club" and their like: the named party only when it is one', () => {
  it('a river bank beside a named shipping firm states nothing', () => {
    const p = post('Calder Shipping runs ferries on the Tyne. After the storm the bank collapsed beside its pier.');
    expect(p.blocks[0].signals).not.toContain('statement');
    expect(uncited(p)).toEqual([]);
  });

  it('a named bank, or an organisation verb after the word, is the party', () => {
    expect(
      evidence('Calder Bank lends to ferry firms on the Tyne. After the storm the bank collapsed.', 'statement'),
    ).toEqual(['the bank … collapsed']);
    expect(
      evidence('Calder Shipping runs ferries on the Tyne. In May the group hired forty pilots.', 'statement'),
    ).toEqual(['the group … hired']);
    expect(evidence('Calder Shipping runs ferries on the Tyne. In May the firm moved its fleet.', 'statement')).toEqual(
      ['the firm … moved'],
    );
  });
});

// Misreadings of ordinary sentences by the rules of 6262a1f (review34 F2): each gave
// CLAIM_UNCITED, none did before those rules.
describe('ordinary sentences the newer attribution and statement rules misread (review34)', () => {
  const quiet = (paragraph: string): void => {
    const p = post(paragraph);
    expect(p.blocks[0].signals, paragraph).toEqual([]);
    expect(uncited(p), paragraph).toEqual([]);
  };

  it('"ostensibly" means "seemingly", the writer’s view: no hearsay', () => {
    quiet('Ostensibly a comedy, the film is really about grief and the families left behind.');
    expect(evidence('The company reportedly plans to close the plant.', 'attribution')).toEqual([
      'The company reportedly',
    ]);
  });

  it('"indicates" with a thing as its subject reads a thing, as "shows" does', () => {
    quiet('The screenshot indicates that the build passed on every platform.');
    quiet('The light on the router indicates that the connection is down.');
    expect(evidence('The minister indicated that she would resign next year.', 'attribution')).toEqual([
      'The minister indicated',
    ]);
  });

  it('"remarks" as a noun after a preposition and its determiner is no verb', () => {
    quiet('In her opening remarks the minister praised the staff of the hospital.');
    quiet("During the mayor's remarks the crowd stayed quiet.");
    expect(evidence('The minister remarked that the staff had done well.', 'attribution')).toEqual([
      'The minister remarked',
    ]);
  });

  it('", warning/explaining/predicting …" after a thing’s clause is no one speaking', () => {
    quiet('The alarm went off at midnight, warning that smoke was filling the hall.');
    quiet('The screenshot loaded slowly, explaining that the server was busy.');
    quiet('The model ran overnight, predicting the storm would reach the coast by Friday.');
    expect(evidence('The former minister resigned on Monday, saying the board had failed.', 'attribution')).toEqual([
      'saying',
    ]);
    expect(evidence('On Monday, the mayor resigned, warning that the budget would fail.', 'attribution')).toEqual([
      'warning',
    ]);
  });

  it('a public body’s word before another noun ("the state fair") is no body', () => {
    quiet('The state fair opened on Friday with a parade through the old town and a fireworks show.');
    quiet('The city skyline glittered over the harbour last night as the new towers lit up.');
    expect(post('The city is replacing its water mains along the harbour this spring.').blocks[0].signals).toEqual([
      'statement',
    ]);
    expect(post('Police arrested two men near the harbour on Friday after a long chase.').blocks[0].signals).toEqual([
      'statement',
    ]);
    expect(
      post('The city council approved the budget for the new ferry terminal on Friday.').blocks[0].signals,
    ).toEqual(['statement']);
  });
});

// Names and nouns of ordinary news writing read as the wrong kind of word (issue 8, claims35).
describe('a surname that is a thing’s word, a machine’s -er, an office’s adjective', () => {
  it('"Sarah Page said": a capitalised surname after a first name is a person, not the post’s page', () => {
    const p = post(
      'Sarah Page said the ferry would stop running in March.',
      'The sailings will end in March, Tom Server said on Monday.',
      'Sarah J. Page has also said that the ferry would stop running.',
      'Larry Page founded the ferry line in 1998. Page said it would stop running in March.',
    );
    expect(p.blocks.map((b) => b.signals.includes('attribution'))).toEqual([true, true, true, true]);
    expect(evidence('Sarah Page believes that the ferry will stop running.', 'attribution')).toEqual([
      'Sarah Page believes',
    ]);
  });

  it('the page and the server themselves, or a page’s title after a determiner, still say nothing', () => {
    const p = post(
      'The page said the ferry would stop running in March.',
      'The Home Page says the ferry will stop running in March.',
      'The server says the page is missing.',
      'The server crashed at midnight, warning that the disk was full.',
      'The printer jammed again, warning that the tray was empty.',
    );
    expect(p.blocks.map((b) => b.signals.includes('attribution'))).toEqual([false, false, false, false, false]);
    expect(uncited(p)).toEqual([]);
    // A person's clause still goes on to say something.
    expect(evidence('The mayor resigned, warning that the ferry would stop running.', 'attribution')).toEqual([
      'warning',
    ]);
  });

  it('after a group interview, "a premier tax attorney" and a university’s chancellor speak to the outlet; a premier of a province and a head of government do not', () => {
    const group = 'We spoke with four tax experts about the ferry levy.';
    const described = (who: string) => post(group, `“The levy is a loophole,” said ${who}.`).blocks[1].firsthand;
    expect(described('Dana Lee, a premier tax attorney in Halifax')).toBeDefined();
    expect(described('Jo Marsh, the chancellor of the University of Halifax')).toBeDefined();
    expect(described('Ann Roe, a vice-chancellor at Halifax University')).toBeDefined();
    expect(described('Bo Tan, a former Premier League referee')).toBeDefined();
    expect(described('Sam Hart, the premier of Nova Scotia')).toBeUndefined();
    expect(described('Ann Roe, Nova Scotia’s premier')).toBeUndefined();
    expect(described('Ann Roe, the chancellor of the exchequer')).toBeUndefined();
    expect(described('Ann Roe, the German chancellor')).toBeUndefined();
  });
});
