import { describe, expect, it } from 'vitest';
import { firsthandWords as firsthand, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// A rewrite of another outlet's profile tells its quotes in the present too ("“…,” he says"),
// but says whose interview they are ("he explains to GQ", linked): the label42 E! Online page,
// five quotes of a GQ interview the labeller called uncited (issue 8).

const OPENING =
  'Anna Halvorsen has piloted ships into Port Elwood for thirty years, and the quay has changed around her every winter.';
const SAYS = '“We had no radio and no charts that winter, only the lights on the headland,” says Halvorsen, now 64.';
const SHE_ADDS = 'She recalls that the harbour froze twice. “Nobody believed us about the channel,” she adds.';

describe('a feature retelling another outlet’s interview', () => {
  it('its present-tense quotes are that interview’s: uncited, not firsthand', () => {
    const p = post(
      OPENING,
      '“The sea took two boats that year,” she explains to [Harbour Monthly](https://harbour.example/halvorsen-profile).',
      SAYS,
      SHE_ADDS,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 2, 3]);
  });

  it('"tells" and "told" name the interviewer too', () => {
    const p = post(
      OPENING,
      'She tells [Harbour Monthly](https://harbour.example/p) the quay is half empty.',
      SAYS,
      SHE_ADDS,
    );
    expect(firsthand(p).slice(2)).toEqual([undefined, undefined]);
  });

  it('a link on a name that was not spoken to leaves the feature the writer’s interview', () => {
    const p = post(
      OPENING,
      'She piloted the [Northern Star](https://ships.example/northern-star) through the storm of 1998.',
      SAYS,
      SHE_ADDS,
    );
    expect(firsthand(p).slice(2)).toEqual([['says'], ['She recalls', 'she adds']]);
  });
});
