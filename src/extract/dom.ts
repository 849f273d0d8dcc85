/**
 * The parse tree extraction reads: domhandler nodes as htmlparser2 builds them, declared in
 * sources/html-tree.ts (with the walks that never recurse), so extraction depends on the
 * parser's behaviour, not on its internals' types.
 */
export type { DomNode } from '../sources/html-tree.js';
