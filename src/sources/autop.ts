/**
 * Paragraphs of raw WordPress content, as the REST API's `content.rendered` has them.
 *
 * An export (WXR) holds `post_content` as the author saved it. The classic editor saves
 * paragraphs as text separated by blank lines; WordPress turns them into `<p>` only when it
 * renders the post (its `wpautop` filter). Read as is, a classic post would be one block of
 * text with every citation in it. Block-editor content (`<!-- wp:… -->`) already holds its
 * `<p>` tags, and WordPress skips `wpautop` for it; so do we.
 *
 * This is the part of that filter extraction needs, written here (the WordPress port of it is
 * GPL): blank lines separate paragraphs, block-level tags stand on their own, single newlines
 * inside a paragraph become `<br />`, and `<pre>`, `<script>`, `<style>` keep their newlines.
 */

const BLOCK_TAGS =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|' +
  'address|math|style|script|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|' +
  'figcaption|details|menu|summary|iframe|video|audio|object|embed|noscript|main|center';

/** A block-level opening or closing tag. */
const BLOCK_TAG = new RegExp(`<\\/?(?:${BLOCK_TAGS})(?=[\\s/>])[^>]*>`, 'gi');
/** A chunk that starts with a block-level tag stays as it is. */
const STARTS_WITH_BLOCK = new RegExp(`^<\\/?(?:${BLOCK_TAGS})(?=[\\s/>])`, 'i');
/** Elements whose newlines are content, not paragraph breaks. */
const KEEP_NEWLINES = ['pre', 'script', 'style', 'textarea'];
/** The placeholder character (a noncharacter: never in real text). */
const HOLD = '\uFDD0';

/** True when content was saved by the block editor (WordPress does not run wpautop on it). */
function hasBlocks(content: string): boolean {
  return content.includes('<!-- wp:');
}

/**
 * `text` with each `<pre>`, `<script>`, `<style>`, `<textarea>` element (to its closing tag, or
 * to the end) replaced by a placeholder; the elements go to `held`. One pass with indexOf,
 * so an unclosed tag cannot make it quadratic.
 */
function holdElements(text: string, held: string[]): string {
  const lower = text.toLowerCase();
  // Next start of each tag at or after `from`; recomputed only once passed, so each tag's
  // occurrences are scanned once in all.
  const next = new Map<string, number>(KEEP_NEWLINES.map((tag) => [tag, -2]));
  const find = (tag: string, from: number): number => {
    let at = lower.indexOf(`<${tag}`, from);
    while (at !== -1 && /[\w-]/.test(lower[at + tag.length + 1] ?? '')) at = lower.indexOf(`<${tag}`, at + 1);
    return at;
  };
  let out = '';
  let from = 0;
  for (;;) {
    let start = -1;
    let name = '';
    for (const tag of KEEP_NEWLINES) {
      let at = next.get(tag) ?? -1;
      if (at === -2 || (at !== -1 && at < from)) next.set(tag, (at = find(tag, from)));
      if (at !== -1 && (start === -1 || at < start)) [start, name] = [at, tag];
    }
    if (start === -1) return out + text.slice(from);
    const close = lower.indexOf(`</${name}`, start);
    const end = close === -1 ? text.length : lower.indexOf('>', close) + 1 || text.length;
    held.push(text.slice(start, end));
    out += `${text.slice(from, start)}${HOLD}${held.length - 1}${HOLD}`;
    from = end;
  }
}

/**
 * `content` with its paragraphs marked up the way WordPress renders a classic-editor post;
 * block-editor content and empty content are returned unchanged.
 */
export function autoParagraphs(content: string): string {
  if (hasBlocks(content) || content.trim() === '') return content;
  const held: string[] = [];
  let text = holdElements(content.replace(/\r\n?/g, '\n'), held);
  // Every block-level tag stands between blank lines, so it never lands inside a <p>.
  text = text.replace(BLOCK_TAG, (tag) => (tag.startsWith('</') ? `${tag}\n\n` : `\n\n${tag}`));
  const out: string[] = [];
  for (const raw of text.split(/\n[ \t]*\n/)) {
    const chunk = raw.trim();
    if (chunk === '') continue;
    const isHeld = new RegExp(`^${HOLD}\\d+${HOLD}$`).test(chunk);
    if (isHeld || STARTS_WITH_BLOCK.test(chunk) || /^<!--[\s\S]*-->$/.test(chunk)) out.push(chunk);
    else out.push(`<p>${chunk.replace(/\n/g, '<br />\n')}</p>`);
  }
  return out.join('\n').replace(new RegExp(`${HOLD}(\\d+)${HOLD}`, 'g'), (_, i: string) => held[Number(i)]);
}
