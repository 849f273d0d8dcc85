import type { Block } from '../types.js';
import { unquoted } from './signals.js';
import { sentenceRanges } from './sentences.js';

/**
 * The plain facts of a press event given there by officials (bench/claims-labelling.md: "the
 * event's plain facts given there by 'officials'/'police'/'authorities'" are `firsthand`): in a
 * story covering an officials' event (its speakers hold an office, or are police or officials
 * speaking as one), a paragraph each of whose sentences has the officials' group doing the
 * work ("Authorities seized $6,490 in cash.", "Investigators traced five of the thefts to a gas
 * station.") tells what they told the press there; so does the paragraph naming the event, when it
 * reports no one's words ("Strange was joined by the sheriff at a news conference"). A sentence of
 * anyone else ("The arrests came after …", "…, a witness said") leaves the paragraph a claim.
 * Read by settlePressEvents.
 */

// A sentence opening with the officials' group as its subject ("Authorities identified …", "The investigators traced …").
const GROUP_SUBJECT =
  /^\s*(?:The\s+)?(?:Police|Authorities|Officials|Investigators|Prosecutors|Officers|Firefighters|Deputies|Troopers|Agents|Detectives)\b(?!\s+(?:said|say|says|told|believe|believed|think|thought)\b)/u;

/** The group words a paragraph opens its sentences with, when every sentence does; undefined otherwise. */
export function officialsFacts(block: Block): string[] | undefined {
  const t = unquoted(block.text);
  // Someone's words in it ("…, Jake Frith said") are theirs: fromEvent decides those.
  for (const e of block.evidence ?? []) if (e.signal === 'attribution' && !GROUP_SUBJECT.test(e.text)) return undefined;
  const words: string[] = [];
  for (const [from, to] of sentenceRanges(block.text)) {
    const sentence = t.slice(from, to);
    if (sentence.trim() === '') continue;
    const m = GROUP_SUBJECT.exec(sentence);
    if (!m) return undefined;
    if (words.length < 3) words.push(m[0].trim());
  }
  return words.length > 0 ? words : undefined;
}
