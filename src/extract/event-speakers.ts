/**
 * Two more ways a press event's speaker is known (bench/claims-labelling.md, press events:
 * "the speakers at the event, their quotes and 'said' paragraphs through the story"), read by
 * press-events.ts:
 * - the host's own office speaks at its event: "Jake Frith, special agent for the attorney
 *   general's office, said" in a story of Attorney General Strange's news conference is an
 *   official of the event, and his later "Frith said" too (label41, al.com); "a detective in
 *   Eastport" is not the host's office, and stays a claim;
 * - a pronoun in a paragraph opening with a speaker at the event is that speaker ("Yellen
 *   called that a 'very modest adjustment' … she said", label43, Reuters).
 */

/** Characters before a speech verb where the speaker's appositive is read. */
const APPOSITIVE_CHARS = 160;

/**
 * True when the words between `who` and the verb at `at` (one appositive: "Jake Frith, special
 * agent for the attorney general's office, said") name the office of one of `roles`
 * ("attorney general" → "attorney general's office"), in one sentence.
 */
export function ofHostOffice(text: string, at: number, who: string, roles: ReadonlySet<string>): boolean {
  if (roles.size === 0) return false;
  const before = text.slice(Math.max(0, at - APPOSITIVE_CHARS), at);
  const named = before.lastIndexOf(who);
  if (named < 0) return false;
  const appositive = before.slice(named + who.length);
  if (!/^,\s/.test(appositive) || /[.!?]\s/.test(appositive)) return false;
  const office = /\b((?:\p{L}+\s+)?\p{L}+)['’]s\s+office\b/giu;
  for (const m of appositive.matchAll(office)) {
    const words = m[1].toLowerCase();
    // "the attorney general's office": the role is the last one or two words before "'s".
    if (roles.has(words) || roles.has(words.split(/\s+/).pop() ?? '')) return true;
  }
  return false;
}

/** The speaker a paragraph opens with as its subject ("Yellen called …"), if one of `speakers`. */
export function openingSpeaker(text: string, speakers: ReadonlySet<string>): string | undefined {
  const m = /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}?(\p{Lu}[\p{L}'’-]+)\s+\p{Ll}/u.exec(text);
  if (!m) return undefined;
  const who = m[1].replace(/['’]s$/u, '');
  return speakers.has(who) ? who : undefined;
}
