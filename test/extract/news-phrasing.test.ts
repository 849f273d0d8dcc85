import { describe, expect, it } from 'vitest';
import { statements } from '../../src/extract/statements.js';
import { attributionsOf as attributions, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// How English news writing attributes and asserts, beyond "said" (issue 8, recall on unseen pages).

describe('reporting verbs with other uses: attribution when what was said follows', () => {
  it('"stressed that", "recalls, “…”", "“…,” she cautioned", "points out that"', () => {
    expect(attributions('Mayor Ruiz stressed that the new policy would not affect current staff.')).toEqual([
      'Mayor Ruiz stressed',
    ]);
    expect(attributions('Halvorsen recalls, “We had no radio and no charts that winter.”')).toEqual([
      'Halvorsen recalls',
    ]);
    expect(attributions('“Nobody should swim there this week,” she cautioned.')).toEqual(['she cautioned']);
    expect(attributions('He points out that most of the revenue still comes from advertising.')).toEqual([
      'He points out',
    ]);
    expect(attributions('The harbour master replied the ferry had been cancelled at dawn.')).toEqual([
      'harbour master replied',
    ]);
  });

  it('a quote closing right before the verb: the speaker follows it, whatever the quote’s last word', () => {
    expect(attributions('“There is nothing out there to take a picture,” says McCaughrean.')).toEqual(['says']);
  });

  it('not their other senses: a recall of cars, roads maintained, an eclipse observed, a reply to a fire', () => {
    expect(attributions('Tesla recalled more than two million cars in December.')).toEqual([]);
    expect(attributions('The county maintains the roads along the coast.')).toEqual([]);
    expect(attributions('Hundreds of walkers observed the eclipse from the ridge.')).toEqual([]);
    expect(attributions('Crews responded to the fire within minutes.')).toEqual([]);
    // The writer's own memory stays the writer's.
    expect(attributions('I recalled that the ferry left at six.')).toEqual([]);
  });
});

describe('a reporting verb as a participle after a comma', () => {
  it('", saying …", ", insinuating that …": what the speaker went on to say', () => {
    expect(attributions('The minister resigned on Monday, saying the board had failed the town.')).toEqual(['saying']);
    expect(
      attributions('The first lady tore into the businessman, insinuating that the nation would lose a grownup.'),
    ).toEqual(['insinuating']);
  });

  it('not the writer’s own, nor with nothing said after it', () => {
    expect(attributions('I left the meeting early, saying that I was tired.')).toEqual([]);
    expect(attributions('The crowd cheered, adding to the noise of the parade.')).toEqual([]);
  });
});

describe('adverbs of hearsay', () => {
  it('"reportedly", "allegedly" pass on someone else’s report', () => {
    expect(attributions('The company reportedly plans to cut hundreds of jobs at its Ohio plant.')).toEqual([
      'The company reportedly',
    ]);
    expect(attributions('The driver allegedly fled the scene before the police arrived.')).toEqual([
      'The driver allegedly',
    ]);
  });
});

describe('statements a news story makes without a capitalised name (reporting voice)', () => {
  it('a ranking or a record with its scope is a claim, whoever it names', () => {
    expect(
      statements('The city has one of the oldest networks of water mains in the world, some a century old.'),
    ).toEqual(['one of the oldest networks of water mains in the world']);
    expect(statements('Prices reached a record high last month.')).toEqual(['record high']);
    expect(statements('It is now the nation’s largest utility.')).toEqual(['the nation’s largest']);
    // A superlative without a scope is taste, and a question states nothing.
    expect(statements('It was the best pizza on the street.')).toEqual([]);
    expect(statements('Is it the largest network in the world?')).toEqual([]);
  });

  it('a public body doing something ("The city is replacing …", "Police arrested …") is a party', () => {
    expect(statements('The city is also replacing older, leak-prone water and sewer mains.')).toEqual([
      'The city … is also replacing',
    ]);
    expect(statements('Police arrested two men near the harbour after the break-in.')).toEqual(['Police … arrested']);
    // Not "the police of …", and not a body the sentence does not make its subject.
    expect(statements('Crowds cheered as the parade passed; nobody saw the police.')).toEqual([]);
    expect(statements('The police of three towns are short of staff.')).toEqual([]);
  });

  it('flags such paragraphs in a news story, not in a post in the personal voice', () => {
    const story = post(
      'Port Elwood approved a second container terminal in May, ending a dispute with Calder Shipping that lasted years.',
      'The city is also replacing older, leak-prone water and sewer mains under the quay this summer.',
      'The harbour has one of the deepest natural channels in the world, and it rarely needs dredging.',
    );
    expect(uncited(story)).toEqual([0, 1, 2]);
    const diary = post(
      'I walked down to the quay this morning and watched the ferries come in while I drank my coffee.',
      'The city is also replacing older, leak-prone water and sewer mains under the quay this summer.',
      'We think the harbour has one of the deepest natural channels in the world, and I love it here.',
    );
    expect(uncited(diary)).toEqual([]);
  });
});
