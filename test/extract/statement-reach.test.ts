import { describe, expect, it } from 'vitest';
import { statements } from '../../src/extract/statements.js';
import type { ExtractedPost } from '../../src/types.js';
import { markdownPost as post, uncited } from '../helpers/claim-posts.js';

// Third-person news paragraphs, so that the post is in the reporting voice.
const NEWS = [
  'The harbour board met on Tuesday to vote on the new terminal plan after months of delay at the quay.',
  'Members heard from residents, shippers and the ferry crews before the vote was taken late in the evening.',
];

const statementsOf = (p: ExtractedPost, i: number): string[] =>
  (p.blocks[i].evidence ?? []).filter((e) => e.signal === 'statement').map((e) => e.text);

describe('one named party and an event is a statement', () => {
  it('flags a paragraph naming one party that tells what it did, and says which words', () => {
    const p = post(
      ...NEWS,
      'The low score the harbour received last year was due to the slow cranes and the long queues of lorries at the gate.',
      'As Halvorsen later recalled, the crews had loaded the ferry twice before anyone noticed the missing manifests.',
    );
    expect(statementsOf(p, 3)).toEqual(['Halvorsen … had loaded']);
    expect(uncited(p)).toContain(3);
  });

  it('a paragraph with no name, or only the writer’s speculation, still states nothing', () => {
    const p = post(
      ...NEWS,
      'The crews had loaded the ferry twice before anyone noticed the missing manifests at the gate.',
      'Halvorsen could have loaded the ferry twice before anyone noticed the missing manifests.',
    );
    expect(statementsOf(p, 2)).toEqual([]);
    expect(statementsOf(p, 3)).toEqual([]);
  });
});

describe('a paragraph that describes named parties but tells no event states nothing', () => {
  // A rule that read any such paragraph as news flagged product blurbs, boilerplate, obituaries,
  // travel notes and every German paragraph (nouns are capitalised): half its flags were wrong.
  it.each([
    'Calder Shipping uses the booking data of its passengers to plan routes, even for people who do not agree to it.',
    'Calder Cloud is a booking platform that runs the ticket offices of ferry firms across the northern coast.',
    'About Calder Shipping: Calder Shipping runs ferries between Port Elwood and the islands of Marrow County.',
    'She is survived by her son David, her daughter Ruth and five grandchildren in Port Elwood and Marrow.',
    'Die Entwickler der Firma haben die Möglichkeit eines Passwortmanagers in der neuen Version erweitert.',
  ])('%s', (text) => {
    const p = post(...NEWS, text);
    expect(statementsOf(p, 2)).toEqual([]);
  });

  it('a dateline names a place, not a party', () => {
    const p = post(
      'PORT ELWOOD, Marrow — Crews often sing on the night shift at the quay, but rarely have songs been written about cranes.',
      ...NEWS,
    );
    expect(statementsOf(p, 0)).toEqual([]);
  });

  it('an event told of a named party is still a statement', () => {
    expect(statements('Calder Shipping bought the old ferry from Port Elwood last year.')).toEqual([
      'Calder Shipping … bought',
    ]);
  });
});

describe('what states nothing about a party', () => {
  it('a compound ending in lower case is an adjective, not a name ("HIGH-powered")', () => {
    expect(statements('A HIGH-powered harbour team has been doing the rounds of the shipping firms.')).toEqual([]);
    expect(statements('A Calder-backed harbour team has been doing the rounds of the shipping firms.')).toEqual([]);
    expect(statements('A harbour team from Calder has been doing the rounds of the shipping firms.')).toEqual([
      'Calder … has been',
    ]);
  });

  it('the outlet asking a party for comment', () => {
    expect(
      statements('The Gazette is asking Calder Shipping for comment and will update this story if it responds.'),
    ).toEqual([]);
    const p = post(
      ...NEWS,
      'The Gazette is asking Calder Shipping for comment and will update this story if the company responds.',
    );
    expect(uncited(p)).not.toContain(2);
  });

  it('a party declining to comment, or not reached, is the story’s procedure', () => {
    expect(statements('A spokesperson for Calder Shipping declined to comment on the report on Tuesday.')).toEqual([]);
    expect(statements('Reached by phone on Wednesday, Jo Halvorsen declined to comment.')).toEqual([]);
    expect(statements('Calder Shipping could not be reached on Tuesday.')).toEqual([]);
  });

  it('"An earlier version of this story …" is the publisher speaking of its story', () => {
    const p = post(...NEWS, 'An earlier version of this story misspelled the name of Jo Lee’s ferry company, Calder.');
    expect(p.blocks[2].signals).not.toContain('statement');
  });

  it('a correction note ("This version corrects …") is the publisher speaking of its story', () => {
    const p = post(
      ...NEWS,
      'This version corrects the spelling of the harbour master’s name to Halvorsen, not Halverson.',
    );
    expect(p.blocks[2].signals).not.toContain('statement');
  });
});
