/**
 * A question asked of a text and a word, answered once per pair while the same text is asked
 * about: a paragraph's sentences each ask of the whole paragraph ("does it name a Bank?", "does
 * it write Page after a first name?"), and a paragraph of thousands of them would scan it again
 * per sentence. Only the last text's answers are kept.
 */
export function perText(answer: (text: string, word: string) => boolean): (text: string, word: string) => boolean {
  let lastText: string | undefined;
  const answers = new Map<string, boolean>();
  return (text, word) => {
    if (text !== lastText) {
      lastText = text;
      answers.clear();
    }
    let known = answers.get(word);
    if (known === undefined) {
      known = answer(text, word);
      answers.set(word, known);
    }
    return known;
  };
}
