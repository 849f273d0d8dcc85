/**
 * The few fields of the parse tree (domhandler nodes, as cheerio builds them with htmlparser2) that extraction
 * reads. Declared here so extraction depends on cheerio's behaviour, not on its internals' types.
 */

/** A node of the parsed body. */
export interface DomNode {
  /** "text", "tag", "script", "style", "comment", "cdata", "root", "directive". */
  type: string;
  /** Tag name, lower case (elements only). */
  name?: string;
  /** Attributes (elements only). */
  attribs?: Record<string, string>;
  /** Children (elements and the root). */
  children?: DomNode[];
  /** Text content (text nodes). */
  data?: string;
  /** Offset of the node in the parsed source (htmlparser2 `withStartIndices`). */
  startIndex?: number | null;
}
