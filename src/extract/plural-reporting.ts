import { MECHANICAL_SUBJECTS } from './claim-rules.js';

/**
 * Reporting verbs in the plural present with a third party as subject and "that" after them:
 * "Experts warn that …", "Critics argue that …", "Studies show that …", "The data suggest that
 * …", "Some argue that …". REPORTING_VERBS holds the third person singular and the past ("warns",
 * "warned"), which "studies show" never matches; the base form alone is also an instruction
 * ("Note that …") or the writer's ("I argue that …"), so it counts only after a plural subject
 * right before it (an adverb between: "critics still insist that"), never the writer's or the
 * reader's, nor the writer's own people or things ("my kids insist that", "the tests show that").
 * Published in the README ("Claim signals", attribution).
 */

const VERBS =
  'argue|warn|insist|contend|allege|assert|acknowledge|admit|concede|complain|predict|deny|note|explain|report|confirm|reveal|conclude|show|suggest|indicate|find|recommend|agree|maintain|stress|emphasize|emphasise|point\\s+out|caution';
// The subject, an adverb or two, the verb and "that". The subject starts only where a run of
// its characters does (a hyphen too before it): from each letter inside a hyphenated run, the
// scan went to the run's end, quadratic in the run, and could match nothing the run's start did not.
const PLURAL_REPORTING = new RegExp(
  `(?<![\\p{L}'’-])([\\p{L}'’-]+)\\s+((?:\\p{Ll}+ly\\s+|(?:still|also|often|now|too|even|all|both)\\s+){0,2})(${VERBS})\\s+that\\b`,
  'gu',
);
// A plural noun: lower case or a name, ending in "s" ("experts", "studies", "Democrats", "unions'").
const PLURAL_NOUN = /^\p{L}[\p{L}'’-]*[^su'’]s$|^\p{L}[\p{L}-]*s['’]$/u;
// Plurals without an "s", and quantities standing for people ("Some argue that", "Many warn that").
const OTHER_PLURALS = new Set(
  'data people children men women police staff media public many some most few several both others'.split(' '),
);
// Words ending in "s" that are no plural subject ("this", "his", "was", "has", "always", "perhaps").
const NOT_SUBJECTS = new Set(
  'this his hers its theirs ours yours us is was has does as less unless thus plus always perhaps sometimes news series whereas besides'.split(
    ' ',
  ),
);
// The writer's or the reader's own people before the subject ("my kids", "your parents", "our tests").
const OWN_BEFORE = /(?:^|[^\p{L}'’])(?:my|our|your)\s+(?:\p{Ll}+\s+)?$/iu;

/** The plural subjects' reports of a text (already without quotes), as evidence ("Experts warn that"). */
export function pluralReports(t: string, max: number): string[] {
  const found: string[] = [];
  if (!t.includes(' that')) return found;
  PLURAL_REPORTING.lastIndex = 0;
  for (let m = PLURAL_REPORTING.exec(t); m && found.length < max; m = PLURAL_REPORTING.exec(t)) {
    const subject = m[1].toLowerCase();
    if (NOT_SUBJECTS.has(subject) || MECHANICAL_SUBJECTS.has(subject)) continue;
    if (!PLURAL_NOUN.test(m[1]) && !OTHER_PLURALS.has(subject)) continue;
    if (OWN_BEFORE.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
    found.push(m[0].replace(/\s+/g, ' '));
  }
  return found;
}
