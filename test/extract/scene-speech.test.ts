import { describe, expect, it } from 'vitest';
import { firsthandWords as firsthand, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// A scene the writer narrates as it happens, in the first person present (a play-through, a
// travel diary): the words spoken in it are what the writer heard there, not a report to source
// (issue 8: a blind set's game diary was five false positives, its characters' lines).

// Eight sentences or more of the writer acting in the present.
const NARRATION = [
  'I wake on the ferry with a headache. I climb the stairs to the deck and we drift past the lighthouse.',
  'I follow the crowd off the boat. I cross the square to the market, where I spot a stall of smoked fish.',
  'I haggle badly. We walk on to the harbour wall, and I sit with my feet over the water.',
  'I finish the fish. I pack my bag and we head for the hill.',
];
const VENDOR = '“Three for the price of two, today only,” the fish seller says.';
const ANOTHER = '“Don’t believe him,” another replies, laughing.';
const GUIDE = 'The guide waves us on. “The path is steep after the chapel,” she warns.';

describe('speech heard in a scene the writer narrates in the present', () => {
  it('the lines spoken in the scene are the writer’s own observation: firsthand', () => {
    const p = post(...NARRATION, VENDOR, ANOTHER, GUIDE);
    expect(firsthand(p).slice(4)).toEqual([['fish seller says'], ['another replies'], ['she warns']]);
    expect(uncited(p)).toEqual([]);
  });

  it('experts, bodies and data speaking in the present stay claims', () => {
    const p = post(
      ...NARRATION,
      '“Sea levels here rose 20 centimetres in a century,” the researchers say.',
      '“The ferry will be cut to two sailings a day,” the council says.',
    );
    expect(firsthand(p).slice(4)).toEqual([undefined, undefined]);
    expect(uncited(p)).toEqual([4, 5]);
  });

  it('speech in the past, or with no quote, stays a claim', () => {
    const p = post(
      ...NARRATION,
      '“Three for the price of two,” the fish seller said.',
      'The fish seller says the catch has halved since 2019.',
    );
    expect(firsthand(p).slice(4)).toEqual([undefined, undefined]);
    expect(uncited(p)).toEqual([4, 5]);
  });

  it('a post told in the past, or with few sentences of the writer acting, has no scene', () => {
    const past = post(
      'I woke on the ferry. I climbed to the deck and we drifted past the lighthouse. I followed the crowd off the boat.',
      'I crossed the square. I spotted a stall, and I haggled badly. We walked to the wall and I sat down.',
      VENDOR,
    );
    expect(firsthand(past)[2]).toBeUndefined();
    expect(uncited(past)).toEqual([2]);
    const short = post(NARRATION[0], VENDOR);
    expect(firsthand(short)[1]).toBeUndefined();
    expect(uncited(short)).toEqual([1]);
  });
});
