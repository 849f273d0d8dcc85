/**
 * The names a post's reference list gives its entries ("Harbour Authority", "the Daily Ledger"),
 * and where a paragraph names them: the one lookup both the reference list under a heading and
 * a closing "Sources: …" line credit paragraphs by (credits.ts). A leading "the" is no part of
 * a name and case is ignored ("The Daily Ledger" is named by "the Daily Ledger"); a name in the
 * text starts with a capital letter. Two guards keep a common word from passing for a name
 * (review35 F4): a one-word name written with "the" ("The Hill", "The Times") is named only
 * after "the" ("according to the Hill", not "Capitol Hill" or "Times have changed"), and no name
 * is found inside a run of capitalised words ("Michael Bloomberg" names no "Bloomberg").
 */

/** Entries that share a first word: bounded work per word of a paragraph. */
const MAX_NAMES_PER_WORD = 20;

/** A reference name as looked up: lower case, without a leading "the". */
function nameKey(name: string): string {
  return name
    .trim()
    .replace(/^the\s+/i, '')
    .toLowerCase();
}

/** Capitalised words a name may follow in a run of them: "The Hill", "On Monday Reuters said", "Senator Ann Lee". */
const OPEN_BEFORE = new Set(
  'the a an and or but of in on at by for from with to as via yesterday today tonight monday tuesday wednesday thursday friday saturday sunday mr mrs ms miss dr sir dame lord lady sen rep gov prof president senator governor mayor minister judge secretary counselor chairman chairwoman chief professor'.split(
    ' ',
  ),
);
/** The capitalised word right before `at` (one space apart), if any. */
const WORD_BEFORE = /(\p{Lu}[\p{L}'’-]*)\s$/u;

/** A name, what it stands for, and whether a "the" must come before it in the text. */
type Entry<T> = [key: string, value: T, afterThe: boolean];

/** Reference names, each with what it stands for, looked up by their first word. */
export class ReferenceNames<T> {
  private readonly byFirstWord = new Map<string, Array<Entry<T>>>();

  get size(): number {
    return this.byFirstWord.size;
  }

  /** Adds `name` (not again when it is there for `value`); a name of no letters is skipped. */
  add(name: string, value: T): void {
    const key = nameKey(name);
    if (!/\p{L}/u.test(key)) return;
    const first = key.split(/\s/)[0];
    const afterThe = first === key && /^\s*the\s/i.test(name);
    const list = this.byFirstWord.get(first) ?? [];
    if (list.length < MAX_NAMES_PER_WORD && !list.some(([k, v]) => k === key && v === value))
      list.push([key, value, afterThe]);
    this.byFirstWord.set(first, list);
  }

  /**
   * Calls `visit` for each name `text` holds as whole words, with where it stands: one pass over
   * the text's capitalised words, each looked up by itself (linear in the text).
   */
  find(text: string, visit: (value: T, start: number, end: number) => void): void {
    if (this.byFirstWord.size === 0) return;
    for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
      // "Gazette's report" names "Gazette".
      const word = m[0].toLowerCase();
      const names = this.byFirstWord.get(word) ?? this.byFirstWord.get(word.replace(/['’]s$/, '')) ?? [];
      if (names.length === 0) continue;
      const lead = text.slice(Math.max(0, m.index - 40), m.index);
      const before = WORD_BEFORE.exec(lead)?.[1].toLowerCase();
      if (before !== undefined && !OPEN_BEFORE.has(before)) continue;
      const afterThe = /\bthe\s$/i.test(lead);
      for (const [key, value, needsThe] of names) {
        const end = m.index + key.length;
        if (needsThe && !afterThe) continue;
        if (text.slice(m.index, end).toLowerCase() === key && !/[\p{L}\d]/u.test(text.charAt(end)))
          visit(value, m.index, end);
      }
    }
  }
}

// A person's name as a reference entry gives it: two or three capitalised words ("Kellyanne Conway").
const PERSON_NAME = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
/** Last words that make a name an organisation's, not a person's ("Coast Radio", "Daily Ledger"). */
const ORGANISATION_WORDS = new Set(
  'radio news tv television network media press times post journal herald tribune gazette ledger review daily weekly magazine channel station watch wire labs group institute council authority agency board office department ministry bureau commission committee company foundation association union university college school center centre service bank court party'.split(
    ' ',
  ),
);
/** Words before a surname that are no first name: titles and what opens a sentence ("Mr", "The", "Monday"). */
const NOT_FIRST_NAMES = new Set(
  'mr mrs ms miss dr sir dame lord lady sen rep gov prof president senator governor mayor minister judge the a an and or but of in on at by for from with to as monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
/** Surnames looked up per text: bounded work for a line of many entries. */
const MAX_SURNAMES = 20;

/**
 * The surnames a post may name its listed people by ("Conway tweeted" for the entry "Kellyanne
 * Conway"), as [index of the name, surname]: the last word of a person's name (PERSON_NAME, not
 * an organisation's), when no other listed name holds it and the post's `texts`
 * never write it after another first name ("George Conway"): a surname shared is no one's.
 */
export function personSurnames(names: readonly string[], texts: readonly string[]): Array<[number, string]> {
  const candidates = new Map<string, number>();
  names.forEach((name, i) => {
    const words = name.trim().split(/\s+/);
    const last = words[words.length - 1];
    if (!PERSON_NAME.test(name.trim()) || ORGANISATION_WORDS.has(last.toLowerCase())) return;
    if (names.some((other, j) => j !== i && other.trim().split(/\s+/).includes(last))) return;
    if (candidates.size < MAX_SURNAMES) candidates.set(last, i);
  });
  for (const [surname, i] of [...candidates]) {
    const given = new Set(names[i].trim().split(/\s+/).slice(0, -1));
    const before = new RegExp(`(?<![\\p{L}'’])(\\p{Lu}[\\p{Ll}'’-]+)\\s+${surname}(?![\\p{L}])`, 'gu');
    for (const text of texts) {
      if (!text.includes(surname)) continue;
      const other = [...text.matchAll(before)].some(
        (m) => !given.has(m[1]) && !NOT_FIRST_NAMES.has(m[1].toLowerCase()),
      );
      if (other) {
        candidates.delete(surname);
        break;
      }
    }
  }
  return [...candidates].map(([surname, i]) => [i, surname]);
}
