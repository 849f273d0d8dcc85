import { Parser, type Handler } from 'htmlparser2';

/**
 * The parse tree of an HTML document or fragment, as htmlparser2 (through domhandler) builds it,
 * and the few walks citecheck makes over it. Every walk here is a loop over an explicit stack:
 * posts come from strangers, and 5,000 nested `<div>`s overflowed the call stack of a recursive
 * walk (cheerio's `.text()` included).
 */

/** A node of the parse tree: the fields of domhandler's nodes that citecheck reads. */
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
  /** Parent node (null at the root). */
  parent?: DomNode | null;
  /** Offset of the node's first character in the parsed source (with `indices`). */
  startIndex?: number | null;
  /** Offset of the node's last character in the parsed source (with `indices`). */
  endIndex?: number | null;
}

/**
 * A tree parsed already, for the next parse of the very same text with the same options. A
 * page that is its article alone (a file of `<article>…</article>`) is its own post body, which
 * extraction parses again: on a page of 100,000 paragraphs the second parse, and a second tree
 * to allocate and collect, were ~10% of the run. Taken once, and dropped by any other parse, so
 * at most one tree is held, and only until the next parse.
 */
let parsed: { html: string; indices: boolean; root: DomNode } | undefined;

/** Offers the tree of `html` (parsed with `indices`) to the next parseHtmlTree of the same text. */
export function keepHtmlTree(html: string, indices: boolean, root: DomNode): void {
  parsed = { html, indices, root };
}

/**
 * Offers an element of a tree parsed with indices, taken out of that tree (which its caller
 * no longer reads), as the tree of its own source `html`: the page's text from the element's
 * start tag, at `start`, to the end of its end tag. Its nodes' offsets are moved to count from
 * `start`, as a parse of `html` alone counts them. Parsing an element's source alone builds
 * the same nodes when nothing outside the element took part in building them: the caller
 * offers only an element closed by its own end tag (not by an end tag of an element around it,
 * nor by the document's end) that no start tag closes implicitly (htmlparser2 closes only
 * those listed in IMPLICITLY_CLOSED), outside SVG and MathML. A page whose article is one
 * element of it (its `<article>`) is then parsed once instead of twice: the second parse, of the
 * article's text, was ~10% of the CPU before the first link request of the versus bench.
 */
export function keepElementTree(el: DomNode, start: number, html: string): void {
  const root: DomNode = { type: 'root', children: [el], parent: null, startIndex: null, endIndex: null };
  el.parent = root;
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.startIndex != null) node.startIndex -= start;
    if (node.endIndex != null) node.endIndex -= start;
    pushEachChild(stack, node);
  }
  parsed = { html, indices: true, root };
}

/** Elements a start tag of another element may close in htmlparser2 (its openImpliesClose). */
export const IMPLICITLY_CLOSED: ReadonlySet<string> = new Set([
  'tr',
  'th',
  'td',
  'thead',
  'tbody',
  'head',
  'link',
  'script',
  'li',
  'p',
  'input',
  'option',
  'optgroup',
  'select',
  'button',
  'datalist',
  'textarea',
  'dd',
  'dt',
  'rt',
  'rp',
]);

/**
 * Parses HTML leniently (htmlparser2: no implied `<html>`/`<body>`, orphan end tags dropped).
 * The tree may be one parsed before (see keepHtmlTree) and shared: no reader changes it.
 */
export function parseHtmlTree(html: string, opts: { indices?: boolean } = {}): DomNode {
  const indices = opts.indices ?? false;
  const kept = parsed;
  parsed = undefined;
  if (kept !== undefined && kept.html === html && kept.indices === indices) return kept.root;
  const builder = new TreeBuilder(indices);
  new Parser(builder, { decodeEntities: true }).end(html);
  ELEMENT_COUNTS.set(builder.root, builder.elements);
  return builder.root;
}

/** Elements of the trees TreeBuilder made, by their root (read by elementCount). */
const ELEMENT_COUNTS = new WeakMap<DomNode, number>();

/**
 * How many elements (script and style included) the tree under `root` holds: as its builder
 * counted them, else by a walk. Lets a pass over every element size its tables at once.
 */
export function elementCount(root: DomNode): number {
  const counted = ELEMENT_COUNTS.get(root);
  if (counted !== undefined) return counted;
  let n = 0;
  forEachElement(root, () => {
    n++;
  });
  return n;
}

/** The children of an element that has none: shared (frozen, as no reader changes a tree). */
const NO_CHILDREN: DomNode[] = Object.freeze([]) as unknown as DomNode[];
/** The attributes of an element that has none (most of a page's), shared likewise: 56 bytes each. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** True when an object has a field (without the array of Object.keys). */
function hasAny(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/**
 * The tree htmlparser2's own builder (domhandler's DomHandler, through parseDocument) makes, the
 * same nodes and fields citecheck reads (DomNode), built lighter: plain objects without the
 * sibling links nothing here follows, and each element's children in an array of their exact
 * number, made when it closes. domhandler pushes them into an array as they come, which V8
 * grows to room for 17: on a page of 100,000 one-line paragraphs the tree took ~430 bytes a
 * paragraph, a third of it room for children never read, and it lives through the body choice
 * and the walk (the largest thing alive, and copied by every collection it survives).
 */
class TreeBuilder implements Partial<Handler> {
  /** The document node: the parent of the top-level nodes. */
  readonly root: DomNode = { type: 'root', children: NO_CHILDREN, parent: null, startIndex: null, endIndex: null };
  private parser: Parser | undefined;
  /** Open elements, the root first. */
  private readonly open: DomNode[] = [this.root];
  /** The nodes read so far of every open element, each element's after its parent's. */
  private readonly pending: DomNode[] = [];
  /** Where each open element's nodes start in `pending`. */
  private readonly from: number[] = [0];
  /** The text or comment node that text or a comment read next continues (htmlparser2 splits them). */
  private last: DomNode | undefined;
  /** Elements made so far. */
  elements = 0;

  constructor(private readonly indices: boolean) {}

  onparserinit(parser: Parser): void {
    this.parser = parser;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    // domhandler's types: script and style elements have their own.
    const type = name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag';
    const el: DomNode = {
      type,
      name,
      attribs: hasAny(attribs) ? attribs : NO_ATTRIBUTES,
      children: NO_CHILDREN,
      parent: null,
      startIndex: null,
      endIndex: null,
    };
    this.elements++;
    this.add(el);
    this.open.push(el);
    this.from.push(this.pending.length);
  }

  onclosetag(): void {
    this.last = undefined;
    const el = this.open.pop() as DomNode;
    const from = this.from.pop() as number;
    if (this.pending.length > from) el.children = this.pending.splice(from);
    if (this.indices) el.endIndex = this.parser?.endIndex ?? null;
  }

  ontext(data: string): void {
    const last = this.last;
    if (last !== undefined && last.type === 'text') {
      last.data += data;
      if (this.indices) last.endIndex = this.parser?.endIndex ?? null;
      return;
    }
    const node: DomNode = { type: 'text', data, parent: null, startIndex: null, endIndex: null };
    this.add(node);
    this.last = node;
  }

  oncomment(data: string): void {
    const last = this.last;
    if (last !== undefined && last.type === 'comment') {
      last.data += data;
      return;
    }
    const node: DomNode = { type: 'comment', data, parent: null, startIndex: null, endIndex: null };
    this.add(node);
    this.last = node;
  }

  oncommentend(): void {
    this.last = undefined;
  }

  oncdatastart(): void {
    const text: DomNode = { type: 'text', data: '', parent: null, startIndex: null, endIndex: null };
    const node: DomNode = { type: 'cdata', children: [text], parent: null, startIndex: null, endIndex: null };
    this.add(node);
    text.parent = node;
    this.last = text;
  }

  oncdataend(): void {
    this.last = undefined;
  }

  onprocessinginstruction(name: string, data: string): void {
    this.add({ type: 'directive', name, data, parent: null, startIndex: null, endIndex: null });
  }

  onend(): void {
    // htmlparser2 closes every element left open before it ends.
    if (this.pending.length > 0) this.root.children = this.pending.splice(0);
  }

  /** A node read inside the innermost open element, where the parser is. */
  private add(node: DomNode): void {
    node.parent = this.open[this.open.length - 1];
    if (this.indices) {
      node.startIndex = this.parser?.startIndex ?? null;
      node.endIndex = this.parser?.endIndex ?? null;
    }
    this.pending.push(node);
    this.last = undefined;
  }
}

/**
 * Pushes a node's children onto a walk's stack in document order (the last is popped first),
 * as `for (const c of node.children ?? []) stack.push(c)` did. An index loop, not for…of: a walk runs once per
 * input, mostly before V8 optimises it, and unoptimised for…of costs an iterator and a result
 * object per step (and per node, even with no children): ~10 MB on a page of 100,000 paragraphs.
 */
export function pushEachChild(stack: DomNode[], node: DomNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) stack.push(children[i]);
}

/** True for an element (script and style elements have types of their own). */
export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * Visits the elements under `root` (not `root` itself) in document order. `enter` returns
 * false to skip an element's subtree, or "stop" to end the walk.
 */
export function forEachElement(root: DomNode, enter: (el: DomNode) => boolean | 'stop' | void): void {
  const stack: DomNode[] = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (!isElement(node)) continue;
    const go = enter(node);
    if (go === 'stop') return;
    if (go !== false) pushChildren(stack, node);
  }
}

/** Text of a node and its descendants (script and style excluded), as written. */
export function textContent(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  const parts: string[] = [];
  const stack: DomNode[] = [];
  pushChildren(stack, node);
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n.type === 'tag' || n.type === 'cdata') pushChildren(stack, n);
  }
  return parts.join('');
}

/** Pushes the children of `node` so that the first child is popped first. */
function pushChildren(stack: DomNode[], node: DomNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}

/** A lower-cased attribute value, trimmed ('' when absent). */
export function attr(el: DomNode, name: string): string {
  return (el.attribs?.[name] ?? '').trim();
}

/** The class tokens of an element. */
export function classTokens(el: DomNode): string[] {
  const value = el.attribs?.class;
  return value ? value.split(/\s+/).filter((t) => t !== '') : [];
}
