import { describe, expect, it } from 'vitest';
import { datedFacts } from '../../src/extract/dated-facts.js';
import { statements } from '../../src/extract/statements.js';

// Records and rankings a news story states (issue 8, label34 nytimes and label38 miamiherald: a
// record opening the sentence, a first "since" a time, a record before the sentence speculates).

describe('a record or a ranking with its scope (reporting voice)', () => {
  it('opens a sentence too ("The hottest …")', () => {
    expect(statements('The hottest two years on record for Port Elwood ended in a storm.')).toEqual([
      'The hottest two years on record',
    ]);
  });

  it('"since" a time is a scope: "the first … since the end of the Cold War", "the largest since 2008"', () => {
    expect(
      statements(
        'Ms. Haley, the first cabinet-level United Nations ambassador for a Republican administration since the end of the Cold War, spoke.',
      ),
    ).toEqual(['the first cabinet-level United Nations ambassador for a Republican administration since the end']);
    expect(statements('It was the largest drop in exports since 2008.')).toEqual([
      'the largest drop in exports since 2008',
    ]);
    // "since" a cause or the writer's own time is none.
    expect(statements('It was the best pizza since I moved here.')).toEqual([]);
  });

  it('a record named before the sentence speculates stays a fact; one inside the speculation does not', () => {
    expect(statements('The hottest two years on record for Port Elwood may end with one final bang.')).toEqual([
      'The hottest two years on record',
    ]);
    expect(statements('The harbour may soon see the hottest December on record.')).toEqual([]);
    expect(statements('Will the hottest two years on record end with a storm?')).toEqual([]);
    expect(statements('If the hottest two years on record end with a storm, the quay may flood.')).toEqual([]);
  });
});

describe('a first of all time ("no spacecraft had ever …", "never before")', () => {
  it('is a record in the reporting voice and in the personal voice', () => {
    const text = 'Before this mission, no spacecraft had ever rendezvoused with a comet.';
    expect(statements(text)).toEqual(['no spacecraft had ever']);
    expect(datedFacts(text, new Set())).toEqual(['no spacecraft had ever']);
    expect(statements('Never before has a court in the county ordered such a recount.')).toEqual(['Never before']);
  });

  it('not the writer’s own first', () => {
    expect(datedFacts('I had never before seen a comet so close.', new Set())).toEqual([]);
    expect(datedFacts('No one had ever told me about the comet.', new Set())).toEqual([]);
  });
});
