import { describe, expect, it } from 'vitest';
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
