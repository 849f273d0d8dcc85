import type { Block } from '../types.js';

/**
 * A feature that retells another outlet's interview: a paragraph gives its subject's words to
 * that outlet and links it there ("he explains to [GQ]", "she told [Vogue]"), as a rewrite of a
 * magazine profile does. Its quotes in the present ("“…,” he says") are then that interview's,
 * not the writer's (firsthand.ts, presentTenseFeature), and an editor asks for the link to it.
 */

// A speech verb addressed to someone, and the capitalised words after it ("explains to GQ", "tells Vanity Fair").
const SPOKE_TO =
  /\b(?:tells|told|(?:says|said|explains|explained|admits|admitted|reveals|revealed|confides|confided|confesses|confessed|recalls|recalled|jokes|joked)\s+to)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,3})/gu;

// Marks ending a name ("GQ."): from the run's first mark only, so a run of n marks costs n, not n² (from each of its marks).
const TRAILING_MARKS = /(?<![.'’-])[.'’-]+$/u;

/** True when a paragraph or list item of `blocks` links another outlet it says its subject spoke to. */
export function retellsOtherInterview(blocks: readonly Block[]): boolean {
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    // The words of its links to other sites (an outlet's name is capitalised; the post's own site is no other outlet).
    const linked = new Set<string>();
    for (const c of block.citations)
      if (c.role === undefined && !c.isInternal && /^\p{Lu}/u.test(c.anchorText)) linked.add(c.anchorText.trim());
    if (linked.size === 0) continue;
    // One pass over the text: the name after each speech verb, its first one to four words.
    SPOKE_TO.lastIndex = 0;
    for (let m = SPOKE_TO.exec(block.text); m; m = SPOKE_TO.exec(block.text)) {
      const words = m[1].split(/\s+/);
      for (let n = 1; n <= words.length; n++)
        if (linked.has(words.slice(0, n).join(' ').replace(TRAILING_MARKS, ''))) return true;
    }
  }
  return false;
}
