import type { Block } from '../types.js';
import { DATA_SUBJECTS, EXPERT_SUBJECTS, INSTITUTION_NOUNS, set } from './claim-rules.js';
import { MAX_EVIDENCE } from './signals.js';

/**
 * A scene the writer narrates as it happens, in the first person present ("I cross the street to
 * the trader", "we head for the river": a play-through, a travel diary, a live account): the
 * words spoken in it, in the present beside a quote ("“Could it be true?” a guard says",
 * "“Take what you need,” he reiterates", "another replies"), are what the writer heard there
 * (bench/claims-labelling.md: the writer's own observation and narrative), not a report to
 * source. A post narrates so when at least NARRATION_MIN of its sentences have "I" or "we" doing
 * something in the present, twice as many as in the past. A paragraph is such speech when it
 * holds a quote and every attribution is a speech verb in the present whose subject is no expert,
 * body or data ("experts say", "the council says", "the study shows" stay claims). Read by
 * settleFirsthand (firsthand.ts); published in the README ("Claim signals").
 */

/** Fewest sentences of the writer acting in the present that make a post a narrated scene. */
const NARRATION_MIN = 8;
/** Longest paragraph read for the writer's verbs (a wall of text is no scene's). */
const MAX_CHARS = 4000;

// "I" or "we" and the word after it, past one adverb of sequence.
const WRITER_VERB =
  /(?<![\p{L}'’])(?:I|[Ww]e)\s+(?:(?:then|now|just|finally|quickly|also|still|eventually|soon|immediately|slowly|carefully)\s+)?(\p{Ll}{2,})(?![\p{L}'’])/gu;
/** Words after "I"/"we" that tell no action in the present: auxiliaries, modals, states of mind, adverbs. */
const NOT_ACTIONS = set(
  'am are was were be been have had has do does did don didn doesn can could would should might must will shall may cannot think believe hope know want need feel see like love prefer mean guess agree disagree wish expect suppose understand remember forget already both really probably later actually always never often usually sometimes certainly also all',
);
/** The past of common irregular verbs (a regular one ends in -ed). */
const IRREGULAR_PAST = set(
  'went saw took made came found thought knew got ran left gave began became kept heard met sat stood spent told said wrote read brought bought caught fought taught felt held lost paid sent built',
);

/** Speech verbs in the present, a scene's. */
const SPEECH_PRESENT = set(
  'says replies adds asks suggests reiterates explains shouts whispers mutters tells insists continues answers warns offers agrees exclaims yells calls cries laughs jokes notes responds repeats grumbles sighs snaps',
);
/** Subjects that are no one in the scene: experts, bodies and data (their present is a report's). */
const NOT_IN_SCENE = new Set([...EXPERT_SUBJECTS, ...INSTITUTION_NOUNS, ...DATA_SUBJECTS]);

/** True for a post narrating a scene in the first person present (see the top of this file). */
function narratesScene(blocks: readonly Block[], plain: (b: Block) => string): boolean {
  let present = 0;
  let past = 0;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || block.text.length > MAX_CHARS) continue;
    const t = plain(block);
    if (!t.includes('I ') && !t.includes('we ') && !t.includes('We ')) continue;
    WRITER_VERB.lastIndex = 0;
    for (let m = WRITER_VERB.exec(t); m; m = WRITER_VERB.exec(t)) {
      const word = m[1];
      if (word.endsWith('ed') || IRREGULAR_PAST.has(word)) past++;
      else if (!NOT_ACTIONS.has(word) && !word.endsWith('ly')) present++;
    }
  }
  return present >= NARRATION_MIN && present >= 2 * past;
}

/** The speech of a paragraph said in the scene: its attributions, when each is someone's present speech verb. */
function sceneSpeech(block: Block): string[] | undefined {
  if (!block.signals.includes('quote')) return undefined;
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  if (said.length === 0) return undefined;
  for (const e of said) {
    const words = e.text.toLowerCase().split(/\s+/);
    if (!SPEECH_PRESENT.has(words[words.length - 1])) return undefined;
    const subject = words[words.length - 2];
    if (subject !== undefined && NOT_IN_SCENE.has(subject)) return undefined;
  }
  return said.slice(0, MAX_EVIDENCE).map((e) => e.text);
}

/** What settleSceneSpeech needs of firsthand.ts: the outlet's view of a paragraph. */
export interface SceneReader {
  /** True for a paragraph CLAIM_UNCITED would flag. */
  isUncited(block: Block): boolean;
  /** True when a paragraph names another outlet's reporting ("told CNN", "according to Reuters"). */
  namesOther(block: Block): boolean;
  /** A paragraph's text outside its quotes, what the user's `firsthandIgnore` matches blanked (same length). */
  plain(block: Block): string;
}

/** Marks the speech heard in a scene the writer narrates (Block.firsthand); see the top of this file. */
export function settleSceneSpeech(blocks: readonly Block[], reader: SceneReader): void {
  if (!narratesScene(blocks, reader.plain)) return;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || block.firsthand !== undefined || !reader.isUncited(block)) continue;
    const words = sceneSpeech(block);
    if (words !== undefined && !reader.namesOther(block)) block.firsthand = { words };
  }
}
