import type { Finding, ReportBlock, ReportCitation, ReportPost } from '../types.js';
import { formatFindingMessage } from './messages.js';

// "scheme://user:password@host": the userinfo is a credential and must not reach a report
// that gets uploaded as a CI artifact or posted as a PR comment. Found by hand, not by the
// regex /\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@]+@/gi it replaces: that tried a scheme at every word
// start and ran each to the end of its run, so `'a.'×40,000 + '@'` took 6 s (a post's text is
// redacted too, and a block's text has no cap). Any "://" counts, whatever stands before it
// (the regex let `_https://user:pw@host` through).

/** True for a character that may not appear in a URL's userinfo: white space, `/ ? # @`. */
const endsUserinfo = (code: number): boolean =>
  code === 0x2f || code === 0x3f || code === 0x23 || code === 0x40 || /\s/.test(String.fromCharCode(code));

const NO_SPANS: readonly number[] = [];

/** Where the userinfo of each URL in `text` stands: start and end (exclusive) of each, in a row. */
function userinfoSpans(text: string): readonly number[] {
  if (!text.includes('@') || !text.includes('://')) return NO_SPANS;
  const spans: number[] = [];
  let kept = 0;
  // Each '@' looks back at most to the one before it (no userinfo holds an '@'): linear.
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > kept && !endsUserinfo(text.charCodeAt(start - 1))) start--;
    if (start === at || !text.startsWith('://', start - 3)) continue;
    spans.push(start, at);
    kept = at;
  }
  return spans;
}

/** `text` with each span of `spans` (in order, within it) written "***". */
function maskSpans(text: string, spans: readonly number[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let kept = 0;
  for (let i = 0; i < spans.length; i += 2) {
    out += `${text.slice(kept, spans[i])}***`;
    kept = spans[i + 1];
  }
  return out + text.slice(kept);
}

/** Replaces the user name and password of every URL in `text` with "***". */
export function redactCredentials(text: string): string {
  return maskSpans(text, userinfoSpans(text));
}

// A text cut by extraction (a sentence window, a shortened quote) may have been cut inside a
// URL's userinfo: "…er:s3cret@host" at its start, "https://user:s3c…" at its end.
const CUT_USERINFO_START = /^…:?\/{0,2}[^\s/?#@]+@/;

/**
 * {@link redactCredentials} for text a post wrote (titles, paragraphs, sentences, anchor
 * texts), where a URL may also stand cut short at a "…" that starts or ends the text.
 */
export function redactText(text: string): string {
  let out = redactCredentials(text);
  if (out.charCodeAt(0) === 0x2026 && out.includes('@')) out = out.replace(CUT_USERINFO_START, '…***@');
  if (out.endsWith('…') && out.includes('://')) out = redactCutEnd(out);
  return out;
}

/** "…see https://user:s3c…" → "…see https://***…": the last word, when it is a URL cut before its host ended. */
function redactCutEnd(text: string): string {
  let word = text.length - 1;
  while (word > 0 && !/\s/.test(text[word - 1])) word--;
  const scheme = text.lastIndexOf('://', text.length - 2);
  if (scheme < word || scheme + 3 >= text.length - 1) return text;
  for (let i = scheme + 3; i < text.length - 1; i++) if (endsUserinfo(text.charCodeAt(i))) return text;
  return `${text.slice(0, scheme + 3)}***…`;
}

function redactCitation(c: ReportCitation): void {
  c.url = redactCredentials(c.url);
  c.rawHref = redactCredentials(c.rawHref);
  if (c.checkUrl !== undefined) c.checkUrl = redactCredentials(c.checkUrl);
  if (c.finalUrl !== undefined) c.finalUrl = redactCredentials(c.finalUrl);
  // The chain is shared with the check result and other citations: replaced when it holds a
  // credential, never edited in place.
  if (c.redirects.some((hop) => hop.url.includes('@') || hop.location.includes('@'))) {
    c.redirects = c.redirects.map((hop) => ({
      ...hop,
      url: redactCredentials(hop.url),
      location: redactCredentials(hop.location),
    }));
  }
  if (c.archive?.url !== undefined) c.archive.url = redactCredentials(c.archive.url);
  if (c.archive?.originalUrl !== undefined) c.archive.originalUrl = redactCredentials(c.archive.originalUrl);
  if (c.archivedCopy !== undefined) c.archivedCopy = redactCredentials(c.archivedCopy);
  // The post's own words around the link, and why it was not checked (a pattern may quote it).
  c.anchorText = redactText(c.anchorText);
  c.sentence = redactText(c.sentence);
  if (c.reason !== undefined) c.reason = redactText(c.reason);
  if (c.ignored !== undefined) c.ignored = redactText(c.ignored);
  if (c.invalid !== undefined) c.invalid = redactText(c.invalid);
  if (c.unresolved !== undefined) c.unresolved = redactText(c.unresolved);
}

/**
 * A block's own text, its claim evidence and its damaged anchors. The lists are the
 * extraction's own (build.ts shares them): one holding a credential is replaced, never edited.
 */
function redactBlock(block: ReportBlock): void {
  const text = block.text;
  const spans = userinfoSpans(text);
  if (spans.length > 0) block.text = maskSpans(text, spans);
  const evidence = block.evidence;
  if (evidence !== undefined && spans.length > 0) {
    block.evidence = evidence.map((e) => ({ ...e, text: redactEvidence(e.text, text, spans) }));
  }
  const anchors = block.damagedAnchors;
  if (anchors.some((d) => redactText(d.anchorText) !== d.anchorText || redactText(d.sentence) !== d.sentence)) {
    block.damagedAnchors = anchors.map((d) => ({
      ...d,
      anchorText: redactText(d.anchorText),
      sentence: redactText(d.sentence),
    }));
  }
}

/**
 * Evidence is words of the block's text, pieces joined by " … " ("Officials … said"): a word of
 * a password stands in it with no "://" to tell it (the subject of "user:pw@host said" is "pw").
 * Each piece is found in the block's text, and what of it lies in a userinfo there is masked.
 */
function redactEvidence(evidence: string, text: string, spans: readonly number[]): string {
  return evidence
    .split(' … ')
    .map((piece) => {
      const words = piece.endsWith('…') ? piece.slice(0, -1) : piece;
      const from = text.indexOf(words);
      if (from === -1 || words === '') return redactText(piece);
      const to = from + words.length;
      const inside: number[] = [];
      for (let i = 0; i < spans.length; i += 2) {
        if (spans[i] < to && spans[i + 1] > from)
          inside.push(Math.max(spans[i], from) - from, Math.min(spans[i + 1], to) - from);
      }
      return maskSpans(piece, inside);
    })
    .join(' … ');
}

/**
 * Redacts URL credentials in the report's posts and findings, in place: URLs, and the post's
 * own text wherever the report quotes it (title, blocks, sentences, anchor texts), so every
 * format prints the same redacted text. Runs after findings
 * are derived, because deriving them looks check results up by the unredacted URL.
 */
export function redactReport(posts: ReportPost[], findings: Finding[]): void {
  for (const post of posts) {
    if (post.url !== undefined) post.url = redactCredentials(post.url);
    if (post.baseUrl !== undefined) post.baseUrl = redactCredentials(post.baseUrl);
    if (post.title !== undefined) post.title = redactText(post.title);
    // Index loops: once over every block, where for…of made an iterator per block (see totals.ts).
    const blocks = post.blocks;
    for (let b = 0; b < blocks.length; b++) {
      redactBlock(blocks[b]);
      const citations = blocks[b].citations;
      for (let i = 0; i < citations.length; i++) redactCitation(citations[i]);
    }
  }
  // Findings in a row may share one args object and message (derive-findings: the same lost
  // anchor again): the message worded for the first is theirs too.
  let lastArgs: Finding['args'] | undefined;
  let lastMessage = '';
  for (const finding of findings) {
    if (finding.url !== undefined) finding.url = redactCredentials(finding.url);
    const args = finding.args;
    if (args === lastArgs) {
      finding.message = lastMessage;
      continue;
    }
    // for…in, not Object.entries: no arrays made per finding (millions in a hostile post).
    let cut = false;
    for (const key in args) {
      const value = args[key];
      if (typeof value !== 'string' || !(value.includes('@') || value.endsWith('…'))) continue;
      const redacted = redactText(value);
      if (redacted !== value) {
        args[key] = redacted;
        cut = true;
      }
    }
    // A URL cut inside an arg is no URL in the message: worded again from the redacted args.
    finding.message = redactCredentials(cut ? formatFindingMessage(finding.code, args) : finding.message);
    lastArgs = args;
    lastMessage = finding.message;
  }
}
