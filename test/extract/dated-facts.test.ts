import { describe, expect, it } from 'vitest';
import { datedFacts } from '../../src/extract/dated-facts.js';
import { markdownPost as post, uncited } from '../helpers/claim-posts.js';

// Facts about others in a post in the personal voice (issue 8, recall): the statement signal is
// off there, but a dated event of a named third party and a measured record are facts an editor
// checks against a source.

// Paragraphs in the personal voice: more than a fifth of the post says I, we or you.
const ESSAY = [
  'I walked past the old bank on Spring Street again this morning, and I still love that facade.',
  'We went inside for coffee, and you can still see the vault door behind the counter.',
  'I think the neighbourhood deserves better shops than the ones it has now, if you ask me.',
];

describe('dated events of named third parties in a personal post', () => {
  it('flags an event of a named party placed at a stated time', () => {
    const dated = 'The 1912 building was designed by Marta Lindqvist, who also drew the Harbour Exchange.';
    const p = post(...ESSAY, dated);
    expect(p.blocks[3].signals).toContain('statement');
    expect(uncited(p)).toEqual([3]);
    expect(datedFacts(dated, new Set())).toEqual(['Marta Lindqvist … designed']);
    // "last year" or a decade is a stated time too.
    expect(datedFacts('Drew Hollis struggled with the new club, but he was an All-Star last year.', new Set())).toEqual(
      ['Drew Hollis … struggled'],
    );
    expect(datedFacts('By the 1950s, Armstrong had long been a crossover icon of popular culture.', new Set())).toEqual(
      ['Armstrong … had long been'],
    );
  });

  it('not without a stated time, a name, or a past event; not the writer’s own; not a plan or a description', () => {
    // No stated time: a personal post's facts stay its own (the statement signal is off there).
    expect(datedFacts('The building was designed by Marta Lindqvist, who also drew the Exchange.', new Set())).toEqual(
      [],
    );
    // The writer's own event.
    expect(datedFacts('In 2012 I met Marta Lindqvist at the Harbour Exchange.', new Set())).toEqual([]);
    // What is going on or going to be.
    expect(
      datedFacts('The Reds in 2012: Homer Bailey and Mat Latos are going to be here for years.', new Set()),
    ).toEqual([]);
    // A participle describing a noun ("played by") is no event.
    expect(
      datedFacts('It is 2016, so Sebastian, the pianist played by Ryan Gosling, lives in a diverse city.', new Set()),
    ).toEqual([]);
    // What someone said is the attribution signal's.
    expect(datedFacts('In 2015 Marta Lindqvist said the vault was sealed.', new Set())).toEqual([]);
    // A question or speculation.
    expect(datedFacts('Did Marta Lindqvist design it in 1912?', new Set())).toEqual([]);
    expect(datedFacts('Marta Lindqvist may have designed it in 1912.', new Set())).toEqual([]);
    const p = post(...ESSAY, 'The building was designed by Marta Lindqvist, who also drew the Harbour Exchange.');
    expect(uncited(p)).toEqual([]);
  });
});

describe('measured records in a personal post', () => {
  it('flags a record measured over time, whoever tells it', () => {
    const record = 'Our harbour has now had the longest run of ice-free winters ever recorded on this coast.';
    const p = post(...ESSAY, record);
    expect(uncited(p)).toEqual([3]);
    expect(datedFacts(record, new Set())).toEqual(['ever recorded']);
    expect(datedFacts('The town had the wettest summer on record, and the pier closed twice.', new Set())).toEqual([
      'on record',
    ]);
  });

  it('not the writer’s or the reader’s own record, a hedged one, or a ranking of taste', () => {
    expect(datedFacts('That was my slowest lap on record, and it rained all the way round.', new Set())).toEqual([]);
    expect(datedFacts('It was perhaps the wettest summer on record for the old pier.', new Set())).toEqual([]);
    expect(datedFacts('The bakery on the corner makes the best bread in the world.', new Set())).toEqual([]);
  });
});
