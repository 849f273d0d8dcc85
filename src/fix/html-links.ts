import { load } from 'cheerio';

/** One attribute of a start tag, with where its value sits in the text. */
interface TagAttribute {
  /** Name, lower case. */
  name: string;
  /** Offset of the value's first character (after any quote); for a bare attribute, the name's end. */
  valueStart: number;
  /** Offset just past the value (before any closing quote). */
  valueEnd: number;
  /** The quote around the value: `"`, `'`, or '' when unquoted or absent. */
  quote: '"' | "'" | '';
}

/** An `<a …>` start tag in a text. */
export interface HtmlLink {
  /** Offset of `<`. */
  start: number;
  /** Offset of the `>` that ends the tag (or of the `/` of `/>`): where new attributes go. */
  insertAt: number;
  /** Offset just past the tag. */
  end: number;
  /** Its attributes. */
  attributes: TagAttribute[];
  /** The href as a browser reads it (entities decoded), when there is one. */
  href?: string;
}

// Comments and raw-text elements hold no links; a start tag's attributes may quote ">".
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|noscript|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Every `<a>` start tag of an HTML text, with the positions of its attributes, skipping
 * comments and raw-text elements. `skip` tells offsets that are not markup (Markdown code).
 */
export function scanHtmlLinks(text: string, skip: (offset: number) => boolean = () => false): HtmlLink[] {
  const links: HtmlLink[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[2] === undefined || skip(m.index)) continue;
    const attrsAt = m.index + 2; // after "<a"
    const attributes: TagAttribute[] = [];
    ATTRIBUTE.lastIndex = 0;
    const source = m[2];
    for (let a = ATTRIBUTE.exec(source); a; a = ATTRIBUTE.exec(source)) {
      const at = attrsAt + a.index;
      const name = a[1].toLowerCase();
      if (a[2] !== undefined || a[3] !== undefined) {
        const quote = a[2] !== undefined ? '"' : "'";
        const value = a[2] ?? a[3];
        const valueStart = at + a[0].length - value.length - 1;
        attributes.push({ name, valueStart, valueEnd: valueStart + value.length, quote });
      } else if (a[4] !== undefined) {
        const valueStart = at + a[0].length - a[4].length;
        attributes.push({ name, valueStart, valueEnd: valueStart + a[4].length, quote: '' });
      } else {
        attributes.push({ name, valueStart: at + a[0].length, valueEnd: at + a[0].length, quote: '' });
      }
    }
    const end = m.index + m[0].length;
    const insertAt = text[end - 2] === '/' ? end - 2 : end - 1;
    const link: HtmlLink = { start: m.index, insertAt, end, attributes };
    const href = attributes.find((x) => x.name === 'href');
    if (href) link.href = decodeAttribute(text.slice(href.valueStart, href.valueEnd));
    links.push(link);
  }
  return links;
}

/** An attribute value as the parser extraction uses reads it (character references decoded). */
function decodeAttribute(raw: string): string {
  if (!raw.includes('&')) return raw;
  const $ = load(
    `<a title="${raw.replace(/"/g, '&quot;')}"></a>`,
    { xml: { xmlMode: false, decodeEntities: true } },
    false,
  );
  return $('a').attr('title') ?? raw;
}

/** Escapes a value for an attribute quoted with `quote` (a double quote when it had none). */
export function escapeAttribute(value: string, quote: '"' | "'" | ''): string {
  const escaped = value.replace(/&/g, '&amp;');
  return quote === "'" ? escaped.replace(/'/g, '&#39;') : escaped.replace(/"/g, '&quot;');
}
