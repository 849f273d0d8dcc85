/**
 * The config file's `claims`: additions to the claim-signal rules (README, "Claim signals"),
 * checked and compiled here, once; extraction reads the compiled rules.
 */

/** `claims` as written in the config file. */
export interface ClaimConfig {
  /** Words or phrases that count as attribution wherever they occur (whole words, any case). */
  attributionWords?: string[];
  /** Regular expressions: text they match never counts as attribution. */
  attributionIgnore?: string[];
  /** Regular expressions: text they match never counts as a figure. */
  figureIgnore?: string[];
  /** Regular expressions: a paragraph they match has no statement signal (`".*"` turns the signal off). */
  statementIgnore?: string[];
  /** Regular expressions: a paragraph they match has no causal signal (`".*"` turns the signal off). */
  causalIgnore?: string[];
  /** Words or phrases that say a claim was told to the writer or the outlet (whole words, any case): firsthand, not uncited. */
  firsthandWords?: string[];
  /** Regular expressions: text they match never makes a claim firsthand. */
  firsthandIgnore?: string[];
  /** Names of the writer's own outlet ("The Harbour Courier", "the Courier"), beside the ones the page gives. */
  outletNames?: string[];
}

/** `claims`, compiled. */
export interface ClaimRules {
  /** The attribution words as one pattern, if any. */
  attributionWords?: RegExp;
  /** Text never counted as attribution. */
  attributionIgnore: RegExp[];
  /** Text never counted as a figure. */
  figureIgnore: RegExp[];
  /** Paragraphs with no statement signal (absent: none). */
  statementIgnore?: RegExp[];
  /** Paragraphs with no causal signal (absent: none). */
  causalIgnore?: RegExp[];
  /** The firsthand words as one pattern, if any. */
  firsthandWords?: RegExp;
  /** Text never making a claim firsthand (absent: none). */
  firsthandIgnore?: RegExp[];
  /** Names of the writer's own outlet (absent: none but the page's). */
  outletNames?: string[];
}

/** The keys of `claims`, for the schema and for errors. */
export const CLAIM_KEYS = [
  'attributionWords',
  'attributionIgnore',
  'figureIgnore',
  'statementIgnore',
  'causalIgnore',
  'firsthandWords',
  'firsthandIgnore',
  'outletNames',
] as const;

/** `s` as a regex matching it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles `claims`; throws a message naming the key at fault ("figureIgnore: …") for a value
 * that is not a list of strings or a pattern that is not a regular expression. Patterns are
 * matched case-insensitively, anywhere in the text (flags giu).
 */
export function compileClaimConfig(config: ClaimConfig): ClaimRules {
  const list = (key: (typeof CLAIM_KEYS)[number]): string[] => {
    const value: unknown = config[key] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === ''))
      throw new Error(`${key}: must be a list of non-empty strings`);
    return value as string[];
  };
  const patterns = (
    key: 'attributionIgnore' | 'figureIgnore' | 'statementIgnore' | 'causalIgnore' | 'firsthandIgnore',
  ): RegExp[] =>
    list(key).map((source) => {
      try {
        return new RegExp(source, 'giu');
      } catch {
        throw new Error(`${key}: not a valid regular expression: ${source}`);
      }
    });
  const rules: ClaimRules = {
    attributionIgnore: patterns('attributionIgnore'),
    figureIgnore: patterns('figureIgnore'),
  };
  const statementIgnore = patterns('statementIgnore');
  if (statementIgnore.length > 0) rules.statementIgnore = statementIgnore;
  const causalIgnore = patterns('causalIgnore');
  if (causalIgnore.length > 0) rules.causalIgnore = causalIgnore;
  const firsthandIgnore = patterns('firsthandIgnore');
  if (firsthandIgnore.length > 0) rules.firsthandIgnore = firsthandIgnore;
  const attributionWords = wordsPattern(list('attributionWords'));
  if (attributionWords !== undefined) rules.attributionWords = attributionWords;
  const firsthandWords = wordsPattern(list('firsthandWords'));
  if (firsthandWords !== undefined) rules.firsthandWords = firsthandWords;
  const outletNames = list('outletNames').map((w) => w.trim());
  if (outletNames.length > 0) rules.outletNames = outletNames;
  return rules;
}

/** Words or phrases as one pattern matching any of them, whole words, any case, any spaces between; none for none. */
function wordsPattern(list: string[]): RegExp | undefined {
  const words = list.map((w) => w.trim());
  if (words.length === 0) return undefined;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
}
