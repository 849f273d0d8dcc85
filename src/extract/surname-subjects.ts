import { DETERMINERS, MECHANICAL_SUBJECTS, NAME_STOPWORDS } from './claim-rules.js';
import { perText } from './per-text.js';

/**
 * A subject that is a post's thing in lower case ("the page says", "the server said") but a
 * person's surname when capitalised after a first name: "Sarah Page said", "Tom Server says".
 * News names people by first name and surname, then by surname alone ("Larry Page … Page said").
 */

// A word as written, with where it ends.
const WORD = /[\p{L}\p{N}'’.-]+/gu;
// A first name: one capitalised word of letters ("Sarah"), or an initial after one ("Sarah J.").
const FIRST_NAME = /^\p{Lu}\p{Ll}+$/u;
const INITIAL = /^\p{Lu}\.$/u;
// A surname as written: capitalised, then lower case ("Page", "O’Page" aside).
const SURNAME = /^\p{Lu}\p{Ll}/u;

/** True when the word ending right before `end` (white space between, nothing else) is a first name. */
function firstNameBefore(t: string, end: number): boolean {
  const words = [...t.slice(Math.max(0, end - 40), end).matchAll(WORD)];
  let k = words.length - 1;
  const from = Math.max(0, end - 40);
  // Only white space between the first name (or its initial) and the surname.
  const gapTo = (m: RegExpMatchArray, stop: number): boolean =>
    /^\s+$/.test(t.slice(from + (m.index ?? 0) + m[0].length, stop));
  if (k < 0 || !gapTo(words[k], end)) return false;
  if (INITIAL.test(words[k][0])) {
    if (k === 0 || !gapTo(words[k - 1], from + (words[k].index ?? 0))) return false;
    k--;
  }
  const w = words[k][0];
  const lower = w.toLowerCase();
  if (!FIRST_NAME.test(w) || NAME_STOPWORDS.has(lower) || DETERMINERS.has(lower) || MECHANICAL_SUBJECTS.has(lower))
    return false;
  // "The Home Page says", "our Status Page": a thing's title after a determiner, not a person.
  return k === 0 || !DETERMINERS.has(words[k - 1][0].toLowerCase());
}

/**
 * True when `subject`, the subject of a verb at `at` (its `fillers` words between: "Page has also
 * said"), is a thing's word (MECHANICAL_SUBJECTS) written as a person's surname: capitalised
 * after a first name ("Sarah Page said"), or capitalised where the text writes it after a first
 * name elsewhere ("Larry Page founded … Page said").
 */
export function isSurnameSubject(t: string, at: number, subject: string, fillers: number): boolean {
  const from = Math.max(0, at - 80);
  const words = [...t.slice(from, at).matchAll(WORD)];
  const m = words[words.length - 1 - fillers];
  if (m === undefined || !SURNAME.test(m[0]) || m[0].toLowerCase() !== subject) return false;
  if (firstNameBefore(t, from + (m.index ?? 0))) return true;
  return writtenAsSurname(t, m[0]);
}

/**
 * True when `t` writes `word` after a first name somewhere ("Larry Page"), read once per text and
 * word: a paragraph saying "Page said" a thousand times reads its occurrences of "Page" once.
 */
const writtenAsSurname = perText((t, word) => {
  for (let k = t.indexOf(word); k >= 0; k = t.indexOf(word, k + 1))
    if (!/[\p{L}\p{N}]/u.test(t.charAt(k + word.length)) && firstNameBefore(t, k)) return true;
  return false;
});
