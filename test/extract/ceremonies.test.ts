import { describe, expect, it } from 'vitest';
import { firsthandWords as firsthand, markdownPost as post, uncited } from '../helpers/claim-posts.js';

// A wire story covering an awards ceremony from its dateline (bench/claims-labelling.md, the
// press-event convention): the night's results and the winners' remarks on stage and backstage
// are the outlet's own reporting; what happened before the night, records and other awards stay
// claims (issue 8: a blind set's awards story was ten false positives of its eleven).

const LEAD =
  'HARBOURTON (Global Wire) - Fishing drama “Low Tide” was the surprise winner at the Harbour Film Awards on Saturday, while Ines Moreau and Tomas Varga were named best performers.';
const BACKSTAGE = 'Director Ana Lisboa said backstage that nobody in her crew had expected to win anything.';
const HE_ADDED = 'Speaking through a translator she added, “We made it with borrowed boats and a lot of luck.”';
const WINNER_SAID = '“I owe this to my grandmother, who taught me to swim,” Moreau said.';
const RESULTS =
  'Nadia Holm picked up the supporting actress trophy for her role as a lighthouse keeper, while veteran Karl Boes was named best supporting actor.';
const ACCEPTED_AND_QUIP =
  'Moments earlier, Peter Lind accepted the best score statuette. “I wrote it in a week,” quipped Lind, to laughter.';
const BEFORE_THE_NIGHT = 'Moreau has won most of the prizes so far this season for her turn as a ferry captain.';
const RECORD = 'Varga was named best performer for a record third time.';
const OTHER_AWARDS = 'Varga also won a Critics Circle award last week.';
const OUTSIDER = 'Festival director Ruth Gale said the awards would move to a larger hall next year.';

describe('a story covering an awards ceremony from its dateline', () => {
  it('the night’s results and the remarks made there are firsthand', () => {
    const p = post(LEAD, BACKSTAGE, HE_ADDED, WINNER_SAID, RESULTS, ACCEPTED_AND_QUIP);
    expect(firsthand(p)).toEqual([
      ['winner'],
      ['backstage'],
      ['she added'],
      ['Moreau … said'],
      ['picked up the supporting actress trophy'],
      ['accepted the best score statuette', 'to laughter'],
    ]);
    expect(p.blocks.slice(1).map((b) => b.firsthand?.block)).toEqual([0, 0, 0, 0, 0]);
    expect(uncited(p)).toEqual([]);
  });

  it('what happened before the night, a record, another award and someone not said to be there stay claims', () => {
    const p = post(LEAD, BEFORE_THE_NIGHT, RECORD, OTHER_AWARDS, OUTSIDER);
    expect(firsthand(p).slice(1)).toEqual([undefined, undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([1, 2, 3, 4]);
  });

  it('a paragraph mixing a result with a fact from outside the night stays a claim', () => {
    const p = post(LEAD, `${RESULTS} Holm had been nominated four times before.`);
    expect(firsthand(p)[1]).toBeUndefined();
    expect(uncited(p)).toEqual([1]);
  });

  it('a "he said" is the night’s only right after a remark made there', () => {
    const p = post(LEAD, 'He said the jury had argued for six hours.');
    expect(firsthand(p)[1]).toBeUndefined();
    expect(uncited(p)).toEqual([1]);
  });

  it('the same story without a dateline: nothing is firsthand', () => {
    const p = post(LEAD.replace('HARBOURTON (Global Wire) - ', ''), BACKSTAGE, WINNER_SAID, RESULTS);
    expect(firsthand(p)).toEqual([undefined, undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([0, 1, 2, 3]);
  });

  it('a lead linking the ceremony, naming another outlet, or naming no day of it: nothing is firsthand', () => {
    const linked = post(
      LEAD.replace('the Harbour Film Awards', '[the Harbour Film Awards](https://awards.example/winners)'),
      WINNER_SAID,
      RESULTS,
    );
    expect(firsthand(linked)).toEqual([undefined, undefined, undefined]);
    const other = post(`${LEAD} The Harbour Post reported the jury’s vote was split.`, WINNER_SAID, RESULTS);
    expect(firsthand(other)).toEqual([undefined, undefined, undefined]);
    const noDay = post(LEAD.replace(' on Saturday', ''), WINNER_SAID, RESULTS);
    expect(firsthand(noDay)).toEqual([undefined, undefined, undefined]);
  });

  it('a dateline story of no ceremony: a plain "said" and a win stay claims', () => {
    const p = post(
      'HARBOURTON (Global Wire) - The Harbourton council voted on Saturday to sell the old ferry terminal.',
      'Mayor Jo Park said backstage at the town theatre that the sale was a mistake.',
      'Rival bidder Sea Homes won the earlier round of bids.',
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
  });
});
