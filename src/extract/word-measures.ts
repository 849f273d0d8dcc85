/**
 * Measures written in words: a number word and a unit ("five percent", "about five degrees",
 * "twenty-two miles", "three and a half tons"), a figure as "5%" or "22 miles" is. signals.ts
 * reads them with its other figures in words (as strong figures, and not in the author's
 * sentences or instructions). Published in the README ("Claim signals", number).
 */

const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?';
const UNIT =
  '(?:percent|per\\s+cent|percentage\\s+points?|degrees|metres|meters|kilometres|kilometers|miles|feet|inches|pounds|kilograms|kilos|tons|tonnes|acres|hectares|gallons|litres|liters)';

/** A measure in words, for signals.ts's WORD_FIGURE (one capturing group: a strong figure). */
export const MEASURE_WORDS = `(${NUMBER_WORD}(?:\\s+and\\s+a\\s+half)?\\s+${UNIT})`;

/** Words a measure in words holds: a quick test before the scan. */
export const MEASURE_HINT =
  /percent|per cent|degrees|metres|meters|miles|feet|inches|pounds|kilo|tons|tonnes|acres|hectares|gallons|litres|liters/i;
