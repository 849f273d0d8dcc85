/**
 * Words the writer passes on from others without a reporting verb of someone's (claimSignals'
 * attribution, when no other form found one; the rules are published in the README, "Claim
 * signals"):
 * - a passive report or expectation about a named party, by no one named ("Comcast is expected
 *   to launch a service", "she is said to have a strained relationship", "Calder Bank was
 *   rumoured to be worth …"): someone expects or says it, and an editor asks who; not a thing's
 *   schedule ("The bridge is expected to be finished in May"), nor the writer or the reader
 *   ("you are expected to bring a laptop");
 * - a quotation credited by name ("To quote George Bernard Shaw:", "In the words of Ada
 *   Lovelace, …"): the words are that person's, and quotations are often misattributed.
 */

// "is expected to …", "were said to have …", "is also widely believed to be …".
const PASSIVE_REPORT =
  /\b(?:is|are|was|were)\s+(?:(?:also|now|still|widely|generally|long)\s+){0,2}(?:expected|rumou?red|said|reported|believed|understood|thought|alleged|tipped)\s+to\s+(?:be|have|\p{Ll}+)\b/gu;
// A named party right before the verb, its subject: a capitalised name ("Comcast is expected
// to"), "he" or "she"; not a thing's schedule ("The bridge is expected to be finished in May"),
// nor the writer or the reader ("you are expected to bring a laptop").
const PARTY_BEFORE =
  /(?<![\p{L}\p{N}'’])(?:(?!(?:I|It|This|That|These|Those|There|What|Which|We|You|They)\s)\p{Lu}[\p{L}\p{N}&'’.-]*|[Hh]e|[Ss]he)\s+$/u;
// A quotation's author named before it: "To quote Shaw", "in the words of Ada Lovelace".
const QUOTED_AUTHOR = /(?<![\p{L}'’])(?:[Tt]o\s+quote|[Ii]n\s+the\s+words\s+of)\s+\p{Lu}[\p{L}'’.-]*/gu;

/** The passed-on words of `text` (quotes blanked by the caller), as evidence, at most `max`. */
export function passedOn(text: string, max: number): string[] {
  const found: string[] = [];
  if (text.includes(' to ')) {
    PASSIVE_REPORT.lastIndex = 0;
    for (let m = PASSIVE_REPORT.exec(text); m && found.length < max; m = PASSIVE_REPORT.exec(text))
      if (PARTY_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) found.push(m[0].replace(/\s+/g, ' '));
  }
  QUOTED_AUTHOR.lastIndex = 0;
  for (let m = QUOTED_AUTHOR.exec(text); m && found.length < max; m = QUOTED_AUTHOR.exec(text))
    found.push(m[0].replace(/\s+/g, ' '));
  return found;
}
