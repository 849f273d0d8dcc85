import { describe, expect, it } from 'vitest';
import { bylineNames, ldOutletNames } from '../../src/sources/outlet-names.js';

describe('the names of a byline and of a JSON-LD script (who a syndicated story is from, issue 8)', () => {
  it.each([
    ['By Jane Alvarez, ABC News', ['Jane Alvarez', 'ABC News']],
    ['Maria Lund | The Associated Press', ['Maria Lund', 'The Associated Press']],
    ['By: Tom Brandt and Ana Ruiz for Reuters', ['Tom Brandt', 'Ana Ruiz', 'Reuters']],
    ['ABC News', ['ABC News']],
    ['9News', ['9News']],
    ['By Jane Alvarez · Updated 3:15 PM, May 4, 2025', ['Jane Alvarez']],
    ['by staff', []],
    [`By ${'Someone Long '.repeat(12)}`, []],
  ])('%s', (text, names) => {
    expect(bylineNames(text)).toEqual(names);
  });

  it('reads the publisher, provider, source organisation and authors, in @graph or a list, and nothing of no JSON', () => {
    expect(
      ldOutletNames(
        '{"@graph":[{"@type":"NewsArticle","publisher":{"name":"Yahoo News"},"provider":{"name":"ABC News"},"author":[{"@type":"Person","name":"Jane Alvarez"}]}]}',
      ),
    ).toEqual(['Yahoo News', 'ABC News', 'Jane Alvarez']);
    expect(ldOutletNames('[{"sourceOrganization":{"name":"Reuters"},"author":"By Tom Brandt, Reuters"}]')).toEqual([
      'Reuters',
      'Tom Brandt',
      'Reuters',
    ]);
    expect(ldOutletNames('{"publisher": ')).toEqual([]);
  });
});
