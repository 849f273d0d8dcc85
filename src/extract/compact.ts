import type { Block, Citation, ClaimEvidence, DamagedAnchor, ExtractedPost, InputWarning } from '../types.js';

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring
 * of 13 or more characters as a view of its parent ("sliced string"): one href cut from a
 * post's markup pins the whole body, and a title cut from a WordPress export's read buffer pins
 * that buffer. Shorter strings are never views, so they are returned as they are.
 */
export function ownString(text: string): string {
  if (text.length < 13) return text;
  // Through a Buffer: the copy is a plain string of its own (a prefix-and-slice copy would be
  // one more view). Latin-1 keeps one byte per character when the text allows it.
  return ONE_BYTE.test(text)
    ? Buffer.from(text, 'latin1').toString('latin1')
    : Buffer.from(text, 'utf16le').toString('utf16le');
}

const ONE_BYTE = /^[\u0000-\u00ff]*$/;

/**
 * The strings of a run that repeat across posts (URLs: an archive cites the same sources again
 * and again), each kept once. One per run, shared by every post it compacts.
 */
export class StringTable {
  private readonly strings = new Map<string, string>();

  /** The run's one copy of `text`. */
  get(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    const own = ownString(text);
    this.strings.set(own, own);
    return own;
  }

  /** Number of distinct strings kept. */
  get size(): number {
    return this.strings.size;
  }

  private readonly evidence = new Map<ClaimEvidence['signal'], Map<string, ClaimEvidence>>();

  /**
   * The run's one copy of a claim's evidence (its signal and words): the same words raise the
   * same signal again and again ('said', 'according to', a post's recurring figures). Frozen:
   * shared by every block that has it, so a stage replaces it (as redaction does), never edits it.
   */
  claimEvidence(e: ClaimEvidence): ClaimEvidence {
    let bySignal = this.evidence.get(e.signal);
    if (bySignal === undefined) this.evidence.set(e.signal, (bySignal = new Map()));
    let known = bySignal.get(e.text);
    if (known === undefined) {
      known = Object.freeze({ signal: e.signal, text: e.text });
      bySignal.set(e.text, known);
    }
    return known;
  }
}

/**
 * One frozen array per distinct short list (a block's signals, a link's rel tokens, an empty
 * list of citations or damaged anchors): a run holds hundreds of thousands of them, and an
 * array grown by push() keeps room for 16 items. Frozen, so a stage that tried to change a
 * shared list would fail loudly instead of changing every post's.
 */
class ListTable {
  private readonly lists = new Map<string, readonly string[]>();

  get<T extends string>(list: readonly T[]): T[] {
    const key = list.join('\u0000');
    let shared = this.lists.get(key);
    if (shared === undefined) {
      shared = Object.freeze(list.map(ownString));
      this.lists.set(key, shared);
    }
    return shared as T[];
  }
}

const LISTS = new ListTable();

/** The one frozen copy of a short list of strings (a block's signals): see ListTable. */
export function sharedList<T extends string>(list: readonly T[]): T[] {
  return LISTS.get(list);
}
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

function compactCitation(c: Citation, urls: StringTable): Citation {
  const url = urls.get(c.url);
  const rawHref = c.rawHref === c.url ? url : urls.get(c.rawHref);
  const checkUrl = c.checkUrl === undefined ? undefined : c.checkUrl === c.url ? url : urls.get(c.checkUrl);
  // Copies of the markup already (BlockBuilder.finish), and the sentence a view of its block's text.
  const out = citationLiteral(c, url, rawHref, checkUrl, LISTS.get(c.rel));
  if (c.fragment !== undefined) out.fragment = ownString(c.fragment);
  if (c.invalid !== undefined) out.invalid = ownString(c.invalid);
  return out;
}

/**
 * `c` as extraction keeps it once its links are done: one object with its fields inside it, the
 * URL written once when the href, URL and checked URL read alike, no rel list of its own. A
 * citation is made field by field (its line, role, quotes added as they are found), and V8 then
 * keeps what was added in a second object (~76 bytes a citation beside its own 48); its href
 * and URL were two strings of the same text.
 */
export function settleCitation(c: Citation): Citation {
  const { url } = c;
  const rawHref = c.rawHref === url ? url : c.rawHref;
  const checkUrl = c.checkUrl === undefined || c.checkUrl !== url ? c.checkUrl : url;
  return citationLiteral(c, url, rawHref, checkUrl, c.rel.length === 0 ? EMPTY : c.rel);
}

/**
 * The citation `c` with the given strings, as one literal for each common set of fields (an
 * offline run's links all have a checkUrl and a line, many their quotes); the rarer fields, and
 * any another stage adds, are copied after them as they are.
 */
function citationLiteral(
  c: Citation,
  url: string,
  rawHref: string,
  checkUrl: string | undefined,
  rel: string[],
): Citation {
  const { anchorText, sentence, isInternal, origin, line, quotes } = c;
  let out: Citation;
  if (checkUrl === undefined) out = { url, rawHref, anchorText, sentence, rel, isInternal, origin };
  else if (line === undefined) out = { url, rawHref, anchorText, sentence, rel, isInternal, origin, checkUrl };
  else if (quotes === undefined) out = { url, rawHref, anchorText, sentence, rel, isInternal, origin, checkUrl, line };
  else out = { url, rawHref, anchorText, sentence, rel, isInternal, origin, checkUrl, line, quotes };
  for (const key of Object.keys(c) as Array<keyof Citation>) {
    if (!(key in out)) (out as unknown as Record<string, unknown>)[key] = c[key];
  }
  return out;
}

/**
 * A block's common fields as one literal (with or without its line and a claim's evidence),
 * with the lists given (the evidence the block's unless given); other fields are the caller's to add. Whole literals, not spreads or
 * fields added later: V8 then keeps every field inside the object. An added field costs a
 * second object (~40 bytes: the evidence of each of the 150,000 claims of the 18 MB Markdown
 * bench), and spreads made a hidden class per block. Used for the run's blocks and the report's.
 */
export function blockLiteral<C>(
  block: Pick<Block, 'index' | 'kind' | 'text' | 'isClaim' | 'line' | 'evidence'>,
  signals: Block['signals'],
  citations: C[],
  damagedAnchors: DamagedAnchor[],
  evidence = block.evidence,
): Omit<Block, 'citations'> & { citations: C[] } {
  const { index, kind, text, isClaim, line } = block;
  if (evidence === undefined)
    return line === undefined
      ? { index, kind, text, isClaim, signals, citations, damagedAnchors }
      : { index, kind, text, isClaim, signals, citations, damagedAnchors, line };
  return line === undefined
    ? { index, kind, text, isClaim, signals, citations, damagedAnchors, evidence }
    : { index, kind, text, isClaim, signals, citations, damagedAnchors, line, evidence };
}

function compactBlock(block: Block, urls: StringTable): Block {
  // The block's texts are copies of the markup already (BlockBuilder.finish detaches them), its
  // sentences views of its text: copying them again (and finding each sentence in its text) was
  // ~10% of extracting a post of 45,000 cited paragraphs, and kept nothing less alive.
  const damagedAnchors: DamagedAnchor[] = block.damagedAnchors.length === 0 ? EMPTY : block.damagedAnchors;
  const citations = block.citations.length === 0 ? EMPTY : block.citations.map((c) => compactCitation(c, urls));
  const evidence = block.evidence?.map((e) => urls.claimEvidence(e));
  const out: Block = blockLiteral(block, LISTS.get(block.signals), citations, damagedAnchors, evidence);
  // Fields other stages add to a block are kept as they are.
  for (const key of Object.keys(block) as Array<keyof Block>) {
    if (!(key in out)) (out as unknown as Record<string, unknown>)[key] = block[key];
  }
  return out;
}

function compactWarning(w: InputWarning): InputWarning {
  const out: InputWarning = { ...w, repair: ownString(w.repair) };
  if (w.where !== undefined) out.where = ownString(w.where);
  return out;
}

/**
 * The post as the rest of the run keeps it: every string its own (none pins the input it was
 * cut from), sentences as views of their block's text, URLs once per run through `urls`. The
 * same data: the result is deep-equal to the post (whose blocks list is emptied, with
 * `release`). A run holds thousands of posts between extraction and the report, and the inputs
 * they came from are many times their size.
 */
export function compactPost(post: ExtractedPost, urls: StringTable, release = false): ExtractedPost {
  const blocks = new Array<Block>(post.blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    blocks[i] = compactBlock(post.blocks[i], urls);
    // `release`: the caller owns `post` and lets go of each block as it is copied (its list is
    // left empty), so a long post's blocks are never held twice.
    if (release) (post.blocks as Array<Block | undefined>)[i] = undefined;
  }
  if (release) post.blocks.length = 0;
  const out: ExtractedPost = {
    ...post,
    source: urls.get(post.source),
    warnings: post.warnings.map(compactWarning),
    blocks,
  };
  for (const key of ['title', 'url', 'slug', 'published', 'modified', 'baseUrl'] as const) {
    const value = post[key];
    if (value !== undefined) out[key] = key === 'url' || key === 'baseUrl' ? urls.get(value) : ownString(value);
  }
  if (typeof post.id === 'string') out.id = ownString(post.id);
  return out;
}
