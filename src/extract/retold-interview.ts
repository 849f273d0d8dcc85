import type { Block } from '../types.js';

/**
 * A feature that retells another outlet's interview: a paragraph gives its subject's words to
 * that outlet and links it there ("he explains to [GQ]", "she told [Vogue]"), as a rewrite of a
 * magazine profile does. Its quotes in the present ("“…,” he says") are then that interview's,
 * not the writer's (firsthand.ts, presentTenseFeature), and an editor asks for the link to it.
 */

// A speech verb addressed to someone, right before a link's words ("explains to GQ", "tells Vogue").
const SPOKE_TO =
  /\b(?:tells|told|(?:says|said|explains|explained|admits|admitted|reveals|revealed|confides|confided|confesses|confessed|recalls|recalled|jokes|joked)\s+to)\s+(?:the\s+)?$/i;

/** True when a paragraph or list item of `blocks` links another outlet it says its subject spoke to. */
export function retellsOtherInterview(blocks: readonly Block[]): boolean {
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    for (const c of block.citations) {
      // An outlet's name is capitalised; a link of the post's own site is no other outlet.
      if (c.role !== undefined || c.isInternal || !/^\p{Lu}/u.test(c.anchorText)) continue;
      for (let at = block.text.indexOf(c.anchorText); at >= 0; at = block.text.indexOf(c.anchorText, at + 1))
        if (SPOKE_TO.test(block.text.slice(Math.max(0, at - 30), at))) return true;
    }
  }
  return false;
}
