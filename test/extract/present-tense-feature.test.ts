import { describe, expect, it } from 'vitest';
import { firsthandWords as firsthand, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// A feature tells the interviews its writer did in the present ("“…,” says Halvorsen"), where
// news writes "said" of words said anywhere: an editor asks no link for them (issue 8: most of
// the held-out false positives were a feature's "says" quotes the labellers called firsthand).

const OPENING =
  'Anna Halvorsen has piloted ships into Port Elwood for thirty years, and the quay has changed around her every winter.';
const SAYS = '“We had no radio and no charts that winter, only the lights on the headland,” says Halvorsen, now 64.';
const SHE_ADDS = 'She recalls that the harbour froze twice. “Nobody believed us about the channel,” she adds.';
const DESCRIBED =
  'Marco Ruiz, who runs the ferry, says: “The crossings have grown busier every summer since the bridge shut.”';

describe('a feature told in the present', () => {
  it('a person speaking in the present is the writer’s interview: firsthand, not uncited', () => {
    const p = post(OPENING, SAYS, SHE_ADDS, DESCRIBED);
    expect(firsthand(p)).toEqual([undefined, ['says'], ['She recalls', 'she adds'], ['says']]);
    expect(uncited(p)).toEqual([0]);
  });

  it('any verb of a person speaking counts: "admits" and "reveals" are says too', () => {
    const p = post(
      OPENING,
      SAYS,
      '“We lost two boats on that sandbar before anyone listened,” admits Halvorsen.',
      '“The gulls know the tides better than the harbourmaster,” reveals Ruiz, who runs the ferry.',
    );
    expect(firsthand(p).slice(2)).toEqual([['admits'], ['reveals']]);
    expect(uncited(p)).toEqual([0]);
  });

  it('not a body’s or a study’s "says", nor words told to another outlet', () => {
    const p = post(
      OPENING,
      SAYS,
      SHE_ADDS,
      'The city council says it will decide on the new terminal at its meeting in May.',
      '“The channel is closing,” Ruiz says, as he told the BBC in a radio interview last week.',
    );
    expect(firsthand(p).slice(3)).toEqual([undefined, undefined]);
    expect(uncited(p)).toEqual([0, 3, 4]);
  });

  it('not in news, which tells what was said in the past: a lone "says" among "said" stays uncited', () => {
    const p = post(
      OPENING,
      '“We had no radio and no charts that winter,” Halvorsen said at the inquiry on Monday.',
      '“Nobody believed us about the channel,” said Ruiz, the ferry’s owner, at the same hearing.',
      SAYS,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1, 2, 3]);
  });

  it('reported speech in the present ("Musk says Tesla will …"), a news rewrite’s, is no interview', () => {
    const p = post(
      'Elon Musk says Tesla will launch its robotaxi service in Austin in June, starting with about 1,000 cars.',
      'Musk says production of the new model will start at the Texas plant next year.',
      'Marco Ruiz, who runs the ferry, says the crossings have grown busier every summer since the bridge shut.',
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1, 2]);
  });
});

describe('a feature told in the present: recollections and hopes inside its speech', () => {
  it('"“…,” remembers Ruiz" is the interview’s speech, as "recalls" is', () => {
    const p = post(
      OPENING,
      SAYS,
      SHE_ADDS,
      '“The gulls followed the ferry all the way out,” remembers Marco Ruiz, with a laugh.',
    );
    expect(firsthand(p)[3]).toEqual(['remembers']);
    expect(uncited(p)).toEqual([0]);
  });

  it('a hope told inside a speech verb, with a quote elsewhere in the paragraph, is the interview’s', () => {
    const p = post(
      OPENING,
      SAYS,
      SHE_ADDS,
      'Ruiz says he hopes that visitors will come back to the quay. It is easy, he says, to forget the pilots. “But they kept this port alive.”',
    );
    expect(firsthand(p)[3]).toEqual(['Ruiz says', 'says he hopes', 'he says']);
    expect(uncited(p)).toEqual([0]);
  });

  it('the same hope with no quote in the paragraph, and "remembers" in news, stay claims', () => {
    const feature = post(
      OPENING,
      SAYS,
      SHE_ADDS,
      'Ruiz says he hopes that visitors will come back to the quay next summer.',
    );
    expect(firsthand(feature)[3]).toBeUndefined();
    expect(uncited(feature)).toEqual([0, 3]);
    const news = post(
      'The ferry service will end in March, the Port Elwood council said on Monday.',
      '“The gulls followed the ferry all the way out,” remembers Marco Ruiz, its last captain.',
    );
    expect(news.blocks[1].firsthand).toBeUndefined();
    expect(news.blocks[1].evidence?.filter((e) => e.signal === 'attribution').map((e) => e.text)).toEqual([
      'remembers',
    ]);
    expect(uncited(news)).toEqual([0, 1]);
  });
});
