/**
 * The names a page gives its own site: what a story "told The Coastal Times" was told to, when
 * the page is The Coastal Times (extract/firsthand.ts). Read from the head: og:site_name,
 * application-name, a publisher meta, the JSON-LD publisher, and the title's last part
 * ("Ferry cuts - The Coastal Times"), the one a page saved with its title alone still has. A
 * story syndicated on an aggregator is the providing outlet's: its author meta, its JSON-LD
 * author, provider and source organisation, its byline or provider element ("By Jane Alvarez,
 * ABC News") name it too (issue 8: "told ABC News" on a page of Yahoo is firsthand).
 */

/** Longest name taken, in characters: a site's name, not a sentence. */
const MAX_NAME_CHARS = 60;
/** Most words in a title's last part read as the site's name ("Headline | Ars Technica"). */
const MAX_TITLE_NAME_WORDS = 5;
/** Longest JSON-LD script read for its publisher: a page's metadata, not a data dump. */
const MAX_LD_CHARS = 100_000;
// What separates a title's headline from the site's name: a bar, a dash or a bullet between spaces.
const TITLE_SEPARATOR = /\s+[|\-–—·•:]{1,2}\s+/;

/** The site's name a title ends with ("Ferry cuts - The Coastal Times" → "The Coastal Times"), if it ends with one. */
export function titleSiteName(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const parts = title.replace(/\s+/g, ' ').trim().split(TITLE_SEPARATOR);
  if (parts.length < 2) return undefined;
  const last = parts[parts.length - 1].trim();
  const words = last.split(' ');
  // A name opens in capitals or digits ("The Ledger", "9News"), and is short.
  if (!/^[\p{Lu}\p{N}]/u.test(last) || words.length > MAX_TITLE_NAME_WORDS) return undefined;
  return last;
}

/**
 * JSON-LD keys naming who a story is from: its publisher, and on an aggregator the outlet that
 * provides it and its authors ("provider": ABC News on a page of Yahoo).
 */
const LD_NAME_KEYS = ['publisher', 'provider', 'sourceOrganization', 'author', 'creator'] as const;

/**
 * The names of a JSON-LD script's publisher, provider, source organisation, authors and
 * creators (`….name`, in `@graph` or a list too); none when it is no JSON.
 */
export function ldOutletNames(script: string): string[] {
  if (script.length > MAX_LD_CHARS) return [];
  let data: unknown;
  try {
    data = JSON.parse(script);
  } catch {
    return [];
  }
  const names: string[] = [];
  const nameOf = (party: unknown): void => {
    for (const p of Array.isArray(party) ? party : [party]) {
      if (typeof p === 'string') names.push(...bylineNames(p));
      else if (typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string')
        names.push((p as { name: string }).name);
    }
  };
  // The page's items: the script's object, a list of them, or its @graph (one level: no deep walk).
  const items = Array.isArray(data) ? data : [data];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const graph = (item as { '@graph'?: unknown })['@graph'];
    for (const node of Array.isArray(graph) ? [item, ...graph] : [item]) {
      if (typeof node !== 'object' || node === null) continue;
      for (const key of LD_NAME_KEYS) nameOf((node as Record<string, unknown>)[key]);
    }
  }
  return names;
}

/** Longest byline read for its names: a line, not a paragraph. */
const MAX_BYLINE_CHARS = 120;
/** Most words of one name in a byline ("The Associated Press"). */
const MAX_BYLINE_NAME_WORDS = 6;
// What separates a byline's names: a comma, a bar, a bullet, a dash, "and", "for".
const BYLINE_SEPARATOR = /\s*(?:[,|·•/]|\s[—–-]\s|\s(?:and|&|for|of)\s)\s*/u;

/**
 * The names of a byline or a provider line ("By Jane Alvarez, ABC News" → Jane Alvarez, ABC
 * News; "Maria Lund | The Associated Press"): who the story is by and from, the outlet it was
 * told to on an aggregator's page. Each a capitalised name of a few words with no digit (no
 * date, no "Updated 3:15 PM"); none when the text is longer than a line.
 */
export function bylineNames(text: string): string[] {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '' || line.length > MAX_BYLINE_CHARS) return [];
  const names: string[] = [];
  for (const part of line.replace(/^by:?\s+/i, '').split(BYLINE_SEPARATOR)) {
    const name = part.trim();
    if (!/^(?:the\s+)?[\p{Lu}\p{N}]/u.test(name) || /\d/.test(name.replace(/^\d+\p{L}/u, 'x'))) continue;
    if (name.split(' ').length <= MAX_BYLINE_NAME_WORDS) names.push(name);
  }
  return names;
}

/** The names given, trimmed, short enough to be a name, each once. */
export function outletNames(names: ReadonlyArray<string | undefined>): string[] {
  const found = new Set<string>();
  for (const name of names) {
    const trimmed = name?.replace(/\s+/g, ' ').trim();
    if (trimmed && trimmed.length <= MAX_NAME_CHARS) found.add(trimmed);
  }
  return [...found];
}
