import type { InputWarning } from '../types.js';
import { readDate } from './dates.js';

/**
 * The INPUT_REPAIRED warnings about a post's metadata and body, worded in one place so every
 * input format says the same thing the same way. Bad metadata is dropped, never passed on: a
 * date "garbageZ" in a report, or a link "not a url" used as the base of relative links, would
 * be silent damage.
 */

/** Where in the source a field is, when the reader knows. */
export type Location = Pick<InputWarning, 'where' | 'line'>;

/** A value as the warning quotes it: one line, not too long to read. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** `field` held something that is not a date. */
function notADate(field: string, value: unknown, why = 'not a date'): InputWarning {
  const detail = why === 'not a date' ? '' : ` (${why})`;
  return { code: 'INPUT_REPAIRED', repair: `${field} is not a date: ${shown(value)}${detail}; ignored` };
}

/** `field` held something that cannot be the post's URL or the base of its relative links. */
export function notAnAbsoluteUrl(field: string, value: unknown): InputWarning {
  return { code: 'INPUT_REPAIRED', repair: `${field} is not an absolute http(s) URL: ${shown(value)}; ignored` };
}

/** The post body holds nothing to read: "0 links, all good" would be a lie. */
export function emptyBody(field: string): InputWarning {
  return { code: 'INPUT_REPAIRED', repair: `${field} is empty: nothing to check` };
}

/** A field of an export's post longer than the input cap was left out (wxr.ts). */
export function fieldTooLarge(field: string, maxBytes: number): InputWarning {
  const what = field === 'content:encoded' ? 'nothing in the post was checked' : 'the post was read without it';
  return {
    code: 'INPUT_REPAIRED',
    repair: `${field} is larger than --max-input-bytes (${maxBytes} bytes): not read, ${what} (raise the cap, maxInputBytes in the config, to read it)`,
  };
}

/** Tags nested deeper than the cap were ignored (html-nesting.ts). */
export function deepNesting(dropped: number, max: number): InputWarning {
  return {
    code: 'INPUT_REPAIRED',
    repair: `elements nested deeper than ${max} levels: ${dropped} tag${dropped === 1 ? '' : 's'} past that depth ignored (their text kept)`,
  };
}

/** Markdown blocks nested deeper than markdown-it reads were dropped (markdown-nesting.ts). */
export function deepMarkdown(max: number): InputWarning {
  return {
    code: 'INPUT_REPAIRED',
    repair: `Markdown quotes or lists nested deeper than ${max} levels: the text past that depth was not read`,
  };
}

/** No element of an HTML page held the article with confidence: the whole page was read. */
export function noArticleBody(selector: string): InputWarning {
  return {
    code: 'INPUT_REPAIRED',
    repair: `no article body found with confidence (too little text in paragraphs); read the whole page (${selector}), menus and widgets included`,
  };
}

/** An empty body of a password-protected WordPress post (the API withholds it). */
export function passwordProtected(): InputWarning {
  return {
    code: 'INPUT_REPAIRED',
    repair: 'password-protected post: the API returned no content, nothing was checked',
  };
}

/**
 * The normal form of date field `field`, or undefined; a value that is present but not a
 * possible date adds a warning to `warnings` and gives undefined. Non-string values other than
 * null count as present: `"date": 42` is damage too.
 */
export function dateField(
  field: string,
  value: unknown,
  warnings: InputWarning[],
  at: Location = {},
): string | undefined {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    warnings.push({ ...notADate(field, value), ...at });
    return undefined;
  }
  const reading = readDate(value);
  if (!reading) return undefined;
  if ('date' in reading) return reading.date;
  warnings.push({ ...notADate(field, value, reading.invalid), ...at });
  return undefined;
}

/** True for an absolute http(s) URL with a host: the only kind usable as a post URL or base. */
export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
