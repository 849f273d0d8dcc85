/**
 * The few fields of the parse tree (domhandler nodes, as cheerio builds them) that extraction
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
  /** parse5 source location, when requested. */
  sourceCodeLocation?: { startLine: number } | null;
}
