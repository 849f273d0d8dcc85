import type { Block, BlockKind } from '../types.js';
import { PAPER_WORDS } from './firsthand.js';

/**
 * A story's closing source line (bench/claims-labelling.md, a "Source:" or "Via" line attached
 * to a paragraph): a post whose last block is a linked "Source: Box Office Mojo", "Sources: New
 * York Times, NBC News" or "(Via CNN, Fox News and ABC News)" line says where the story was
 * drawn from, and an editor takes that line as the source of each of the story's claims that
 * links no source of its own (three blind labellers did so unprompted, label38, label41 and
 * label43). A claim that says it comes from another report ("Icahn reportedly declined", "according
 * to the Shore Times", "Harbour Watch reported") is not what the listed sources support, and stays
 * uncited; a block linking a
 * source of its own keeps it; a block the line already credits (the paragraph right above, or
 * one naming a listed party) is left as it is. A line in the middle of a post credits only the
 * block above it (creditSourceLines), and a reference list under a heading only the claims that
 * point to it by number or name (creditReferences).
 */

/** Kinds of blocks a closing source line credits: the story's prose, quotes and list items. */
const STORY_KINDS: ReadonlySet<BlockKind> = new Set(['paragraph', 'blockquote', 'list-item']);

// A claim from another report than the listed ones (a listed party's is credited by its entry
// first), as bench/claims-labelling.md lists them: unnamed ("reportedly", "allegedly", "media
// reports", "according to …", also opening a sentence: "According to …", "Reports say …"), or
// named ("Harbour Watch reported", "as first reported by Harbour Watch"). "Its reported budget"
// reports nothing. The run of capitalised words is bounded, so a run of "The The The …" costs
// linear time; a name starts only where its word does, so a word of 40,000 capitals is scanned
// once, not from each of its letters (5 s).
const UNNAMED_REPORT =
  /\b(?:reportedly|allegedly|rumou?red|according\s+to|(?:media|news|press)\s+reports|reports\s+(?:say|said|suggest|suggested))\b/i;
const NAMED_REPORT =
  /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*\s+(?:first\s+|also\s+|later\s+)?(?:reported|reports)\b|\breported\s+by\s+(?:[Tt]he\s+)?\p{Lu}/u;
// Another outlet speaking ("the Shore Times said") or spoken to ("told the Harbour Post"): a name
// of up to four capitalised words (group 2) ending in a newspaper's or broadcaster's word. Any
// other party's words ("the White House said", "told the committee") are what the listed report
// carried, as a person's are ("Icahn said").
const OUTLET_SPEAKS =
  /(?<![\p{L}'’-])(told\s+)?[Tt]he((?:\s+\p{Lu}[\p{L}'’-]*){1,4})(\s+(?:said|says|wrote|writes)\b)?/gu;
/** Last words of a news outlet's name besides a newspaper's ("the Harbour News", "Coast Radio"). */
const NEWS_WORDS: ReadonlySet<string> = new Set(['news', 'radio', 'magazine', 'newspaper', 'wire']);

/** True when a claim says it comes from another report than the listed ones (see above). */
function pointsToOtherReport(text: string): boolean {
  if (UNNAMED_REPORT.test(text) || NAMED_REPORT.test(text)) return true;
  OUTLET_SPEAKS.lastIndex = 0;
  for (let m = OUTLET_SPEAKS.exec(text); m !== null; m = OUTLET_SPEAKS.exec(text)) {
    if (m[1] !== undefined || m[3] !== undefined) {
      const words = m[2].trim().split(/\s+/);
      const last = words[words.length - 1].toLowerCase();
      if (PAPER_WORDS.has(last) || NEWS_WORDS.has(last)) return true;
    }
    // The next name may start inside this one ("The Board The Shore Times said").
    OUTLET_SPEAKS.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * The blocks a post's closing source line credits, with the line: none when the last block is
 * not one (`isLine`) or links no source (`hasSource`).
 */
export function closingLineTargets(
  blocks: readonly Block[],
  isLine: (block: Block, index: number) => boolean,
  hasSource: (block: Block) => boolean,
): { line: Block; targets: Block[] } | undefined {
  const last = blocks.length - 1;
  if (last < 1) return undefined;
  const line = blocks[last];
  if (!isLine(line, last) || !hasSource(line)) return undefined;
  const targets: Block[] = [];
  for (let i = 0; i < last; i++) {
    const block = blocks[i];
    if (!STORY_KINDS.has(block.kind) || !block.isClaim || block.credits !== undefined || hasSource(block)) continue;
    if (pointsToOtherReport(block.text)) continue;
    targets.push(block);
  }
  return { line, targets };
}
