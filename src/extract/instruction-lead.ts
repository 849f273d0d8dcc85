import { IMPERATIVE_LEADS } from './claim-rules.js';

// A condition opening a sentence, to its comma ("If it was a gift, …", "Once it boils, …").
const CONDITION_LEAD = /^(?:if|when|whenever|once|unless|until|before|after|while)\b[^,;:.!?]{1,120},\s*/i;

// A label of one to three words and a colon opening a sentence ("Update:", "Editor's note:").
const LABEL_LEAD = /^[\p{L}'’]+(?:\s+[\p{L}'’]+){0,2}\s*:\s+/u;

/**
 * The word that says whether a sentence tells the reader what to do, lower case: its first word
 * past a step number ("Step 2: open …"), a label ("Note: use …": what follows says what it is),
 * a condition ("If it was a gift, mark it …") and lead words ("Then", "Please"). The claim
 * signals ask it whether the word is an imperative (signals.ts, causal.ts).
 */
export function instructionLead(sentence: string): string {
  const words = sentence
    .replace(/^\W*(?:step\s+\d+\s*[:.)-]\s*)?/i, '')
    .replace(LABEL_LEAD, '')
    .replace(CONDITION_LEAD, '')
    .toLowerCase()
    .split(/[^\p{L}']+/u, 4);
  let i = 0;
  while (i < words.length - 1 && IMPERATIVE_LEADS.has(words[i])) i++;
  return words[i] ?? '';
}
