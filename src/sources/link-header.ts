/** One link of an HTTP `Link` header (RFC 8288): its target as written, and its parameters. */
export interface HeaderLink {
  /** The URI reference between `<` and `>`, unresolved. */
  target: string;
  /** Parameters by lower-cased name (the first of a name wins), quoted values unquoted. */
  params: Map<string, string>;
}

const SPACE = new Set([' ', '\t', '\r', '\n']);

/**
 * The links of a `Link` header, in one pass left to right: every index is read a bounded number
 * of times, whatever the header (the regex this replaced, /<([^>]*)>\s*;(.*)$/, scanned to the
 * end of the header from each "<": quadratic on a header of 16 KB of "<"). A comma inside a
 * quoted parameter does not end a link; what cannot be read (no closing ">") ends the list.
 */
export function parseLinkHeader(header: string): HeaderLink[] {
  const links: HeaderLink[] = [];
  const n = header.length;
  let i = 0;
  const skipSpace = (): void => {
    while (i < n && SPACE.has(header[i])) i++;
  };
  while (i < n) {
    const lt = header.indexOf('<', i);
    if (lt < 0) break;
    const gt = header.indexOf('>', lt + 1);
    if (gt < 0) break;
    const link: HeaderLink = { target: header.slice(lt + 1, gt).trim(), params: new Map() };
    links.push(link);
    i = gt + 1;
    for (skipSpace(); header[i] === ';'; skipSpace()) {
      i++;
      skipSpace();
      const nameStart = i;
      while (i < n && header[i] !== '=' && header[i] !== ';' && header[i] !== ',') i++;
      const name = header.slice(nameStart, i).trim().toLowerCase();
      let value = '';
      if (header[i] === '=') {
        i++;
        skipSpace();
        if (header[i] === '"') {
          // A quoted-string: `\` escapes the next character; an unclosed one runs to the end.
          const parts: string[] = [];
          let from = ++i;
          while (i < n && header[i] !== '"') {
            if (header[i] === '\\') {
              parts.push(header.slice(from, i));
              from = ++i;
            }
            i++;
          }
          parts.push(header.slice(from, Math.min(i, n)));
          value = parts.join('');
          i++;
        } else {
          const valueStart = i;
          while (i < n && header[i] !== ';' && header[i] !== ',') i++;
          value = header.slice(valueStart, i).trim();
        }
      }
      if (name && !link.params.has(name)) link.params.set(name, value);
    }
    // Anything else up to the next comma is not part of a link.
    if (i < n && header[i] !== ',') {
      const comma = header.indexOf(',', i);
      i = comma < 0 ? n : comma;
    }
    i++;
  }
  return links;
}
