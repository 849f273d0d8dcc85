/**
 * The names a post's reference list gives its entries ("Harbour Authority", "the Daily Ledger"),
 * and where a paragraph names them: the one lookup both the reference list under a heading and
 * a closing "Sources: …" line credit paragraphs by (credits.ts). A leading "the" is no part of
 * a name and case is ignored ("The Daily Ledger" is named by "the Daily Ledger"); a name in the
 * text starts with a capital letter.
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

/** Reference names, each with what it stands for, looked up by their first word. */
export class ReferenceNames<T> {
  private readonly byFirstWord = new Map<string, Array<[string, T]>>();

  get size(): number {
    return this.byFirstWord.size;
  }

  /** Adds `name` (not again when it is there for `value`); a name of no letters is skipped. */
  add(name: string, value: T): void {
    const key = nameKey(name);
    if (!/\p{L}/u.test(key)) return;
    const first = key.split(/\s/)[0];
    const list = this.byFirstWord.get(first) ?? [];
    if (list.length < MAX_NAMES_PER_WORD && !list.some(([k, v]) => k === key && v === value)) list.push([key, value]);
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
      for (const [key, value] of names) {
        const end = m.index + key.length;
        if (text.slice(m.index, end).toLowerCase() === key && !/[\p{L}\d]/u.test(text.charAt(end)))
          visit(value, m.index, end);
      }
    }
  }
}
