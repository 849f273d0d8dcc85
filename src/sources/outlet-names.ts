/**
 * The names a page gives its own site: what a story "told The Coastal Times" was told to, when
 * the page is The Coastal Times (extract/firsthand.ts). Read from the head: og:site_name,
 * application-name, a publisher meta, the JSON-LD publisher, and the title's last part
 * ("Ferry cuts - The Coastal Times"), the one a page saved with its title alone still has.
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

/** The publisher names of a JSON-LD script (`publisher.name`, in `@graph` or a list too); none when it is no JSON. */
export function ldPublisherNames(script: string): string[] {
  if (script.length > MAX_LD_CHARS) return [];
  let data: unknown;
  try {
    data = JSON.parse(script);
  } catch {
    return [];
  }
  const names: string[] = [];
  const nameOf = (publisher: unknown): void => {
    for (const p of Array.isArray(publisher) ? publisher : [publisher]) {
      if (typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string')
        names.push((p as { name: string }).name);
    }
  };
  // The page's items: the script's object, a list of them, or its @graph (one level: no deep walk).
  const items = Array.isArray(data) ? data : [data];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const graph = (item as { '@graph'?: unknown })['@graph'];
    for (const node of Array.isArray(graph) ? [item, ...graph] : [item]) {
      if (typeof node === 'object' && node !== null) nameOf((node as { publisher?: unknown }).publisher);
    }
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
