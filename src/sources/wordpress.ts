import { InputError } from '../errors.js';
import type { InputWarning, Post } from '../types.js';
import { htmlToPlainText } from './html-text.js';
import { lineColumn, parseLenientJson } from './json-repair.js';
import { wordPressRestError } from './rest-error.js';
import {
  dateField,
  emptyBody,
  isAbsoluteHttpUrl,
  notAnAbsoluteUrl,
  passwordProtected,
  type Location,
} from './warnings.js';

/** A WordPress REST API post as far as citecheck reads it. */
type WpPost = Record<string, unknown>;

/** `{ rendered: "…" }` or a bare string, as WordPress and its exporters write fields. */
function rendered(field: unknown): string | undefined {
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && typeof (field as { rendered?: unknown }).rendered === 'string') {
    return (field as { rendered: string }).rendered;
  }
  return undefined;
}

/** The string value of a field, if it is a non-empty string. */
function str(field: unknown): string | undefined {
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/**
 * WordPress gives `date_gmt` without a zone designator ("2024-05-01T23:00:46"); it is UTC, so a
 * date-time read without a zone (its normal form ends in a digit) gets the "Z". The unset value
 * "0000-00-00T00:00:00" (drafts) means none; a value that is not a date warns and means none.
 */
export function gmtDate(field: string, gmt: unknown, warnings: InputWarning[], at: Location): string | undefined {
  const date = dateField(field, gmt, warnings, at);
  return date && /\d$/.test(date) ? `${date}Z` : date;
}

/** True when a rendered body holds nothing to read: only whitespace, comments or empty tags. */
export function isBlankHtml(html: string): boolean {
  const bare = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  if (visibleText(bare)) return false;
  // A tag with a URL (an image, an empty link) is still something to check.
  if (/\b(?:href|src)\s*=/i.test(bare)) return false;
  // `[^<>]`, not `[^>]`: with no `>` ahead, every `<` rescanned the rest ('<'×200,000 took 45 s).
  return bare.replace(/<[^<>]*>/g, '').replace(/&nbsp;|&#160;|\s/gi, '') === '';
}

/** Characters of `&nbsp;` and `&#160;`, which isBlankHtml removes once tags are gone. */
const ENTITY_CHARS = new Set('&nbsp;#160NBSP');

/**
 * True when a character of `bare` (comments removed) outside its tags can be neither a space
 * nor part of an `&nbsp;` that isBlankHtml's replacements remove: the body is not blank, and
 * its copies need not be made (a paragraph of 70,000 orphan `</a>` was copied twice whole).
 * False when unsure: isBlankHtml then decides as it always has.
 */
function visibleText(bare: string): boolean {
  for (let i = 0; i < bare.length; i++) {
    const ch = bare[i];
    if (ch === '<') {
      // `<[^<>]*>` removes a tag; a `<` that starts none stays, and is text.
      let j = i + 1;
      while (j < bare.length && bare[j] !== '<' && bare[j] !== '>') j++;
      if (j === bare.length || bare[j] === '<') return true;
      i = j;
      continue;
    }
    if (ENTITY_CHARS.has(ch)) return false;
    if (!/\s/.test(ch)) return true;
  }
  return false;
}

/** True when a JSON value looks like a WordPress post (it has a body). */
export function isWordPressPost(value: unknown): value is WpPost {
  return (
    !!value && typeof value === 'object' && !Array.isArray(value) && rendered((value as WpPost).content) !== undefined
  );
}

/** Line of the first non-blank character of the string whose opening quote is at `offset`. */
function lineOfStringStart(text: string, offset: number): number {
  let i = offset + 1;
  while (i < text.length && /\s/.test(text[i])) i++;
  return lineColumn(text, i).line;
}

/** Builds a Post from one WordPress post object. */
function toPost(
  wp: WpPost,
  source: string,
  text: string,
  offsets: WeakMap<object, Record<string, number>>,
  warnings: InputWarning[],
): Post {
  const content = wp.content;
  const contentOffset =
    content && typeof content === 'object' ? offsets.get(content)?.rendered : offsets.get(wp)?.content;
  const titleHtml = rendered(wp.title);
  const title = titleHtml !== undefined ? htmlToPlainText(titleHtml) : undefined;
  const id = typeof wp.id === 'number' || typeof wp.id === 'string' ? wp.id : undefined;
  const link = str(wp.link);
  // Where a field's value starts, so a warning about it points at the line to fix.
  const at = (field: string): Location => {
    const offset = offsets.get(wp)?.[field];
    if (offset === undefined) return {};
    const { line, column } = lineColumn(text, offset);
    return { where: `line ${line}, column ${column}`, line };
  };
  const post: Post = {
    source,
    kind: 'wordpress',
    body: rendered(content) ?? '',
    bodyFormat: 'html',
    warnings,
  };
  if (id !== undefined) post.id = id;
  if (str(wp.slug)) post.slug = str(wp.slug);
  if (title) post.title = title;
  if (link && isAbsoluteHttpUrl(link)) {
    post.url = link;
    post.baseUrl = link;
  } else {
    // A link that is no URL would make every relative link "not a valid URL": drop it, say so.
    if (link) warnings.push({ ...notAnAbsoluteUrl('link', link), ...at('link') });
    // Exports without `link` still carry the site in `guid` ("https://site/?p=123"): a base
    // for root-relative links and for telling internal links apart, though not a permalink.
    const guid = rendered(wp.guid);
    if (guid && isAbsoluteHttpUrl(guid)) post.baseUrl = guid;
  }
  // Without date_gmt, `date` is the site's local time: it keeps no zone. A bad date_gmt falls
  // back to `date` (the same moment in local time) after its warning.
  const published =
    gmtDate('date_gmt', wp.date_gmt, warnings, at('date_gmt')) ?? dateField('date', wp.date, warnings, at('date'));
  if (published) post.published = published;
  const modified =
    gmtDate('modified_gmt', wp.modified_gmt, warnings, at('modified_gmt')) ??
    dateField('modified', wp.modified, warnings, at('modified'));
  if (modified) post.modified = modified;
  if (contentOffset !== undefined) post.bodyLine = lineOfStringStart(text, contentOffset);
  // An empty body must not read as "no links, all good": a password-protected post (the API
  // withholds it) or an export that lost it. INPUT_REPAIRED, as the user must see it.
  if (isBlankHtml(post.body)) {
    const isProtected =
      content && typeof content === 'object' && (content as { protected?: unknown }).protected === true;
    warnings.push(isProtected ? passwordProtected() : emptyBody('content.rendered'));
  }
  return post;
}

/**
 * Reads WordPress REST API JSON (one post or a list of posts), repairing damaged JSON with an
 * INPUT_REPAIRED warning per kind of repair. An empty list gives no posts; anything that is
 * not a post at all throws InputError naming `source`.
 */
export function parseWordPress(text: string, source: string, opts: { hadBom?: boolean } = {}): Post[] {
  const parsed = parseLenientJson(text);
  if ('error' in parsed) throw new InputError(`${source}: ${parsed.error}`);
  const warnings: InputWarning[] = [];
  if (opts.hadBom)
    warnings.push({
      code: 'INPUT_REPAIRED',
      repair: 'byte order mark at the start',
      where: 'line 1, column 1',
      line: 1,
    });
  for (const r of parsed.repairs) {
    const more = r.count > 1 ? ` (and ${r.count - 1} more)` : '';
    warnings.push({
      code: 'INPUT_REPAIRED',
      repair: r.repair,
      where: `line ${r.line}, column ${r.column}${more}`,
      line: r.line,
    });
  }
  const { value, offsets } = parsed;
  if (Array.isArray(value)) {
    const posts: Post[] = [];
    const skipped: number[] = [];
    value.forEach((item, index) => {
      if (isWordPressPost(item)) posts.push(toPost(item, source, text, offsets, [...warnings]));
      else skipped.push(index);
    });
    if (value.length > 0 && posts.length === 0)
      throw new InputError(`${source}: not a list of WordPress posts (no item has content.rendered)`);
    if (skipped.length > 0) {
      // Never silent: the items we could not read are named on every post of the list.
      const repair = `skipped ${skipped.length} ${skipped.length === 1 ? 'list item that is not a post' : 'list items that are not posts'} (index ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})`;
      for (const post of posts) post.warnings.push({ code: 'INPUT_REPAIRED', repair });
    }
    return posts;
  }
  if (!isWordPressPost(value)) {
    const apiError = wordPressRestError(value);
    if (apiError)
      throw new InputError(`${source}: ${apiError.text}${apiError.status ? ` (HTTP ${apiError.status})` : ''}`);
    throw new InputError(`${source}: not a WordPress post (no content.rendered)`);
  }
  return [toPost(value, source, text, offsets, warnings)];
}
