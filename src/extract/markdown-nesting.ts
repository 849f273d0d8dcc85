import type MarkdownItType from 'markdown-it';

/**
 * How deep markdown-it parses nested blocks (quotes, lists: a list level takes two). Its default,
 * 100, silently dropped a quote nested 101 deep and every list item past the 50th level; this
 * reads 2.5 times deeper, and its block parser (which recurses per level) stays well inside
 * Node's stack (1,000 levels tried). Real posts nest a few levels.
 */
export const MARKDOWN_MAX_NESTING = 250;

/** The parse environment's mark that content nested past the limit was not read. */
export interface NestingEnv {
  nestingCut?: boolean;
}

/**
 * markdown-it plugin: raises the nesting limit and marks the env when the limit cut content.
 * markdown-it stops a nested block parse at the limit and drops the lines it had left
 * (`state.line = endLine`); its inline parser keeps the text past the limit as text.
 */
export function markdownNesting(md: MarkdownItType): void {
  // Not in the type definitions; markdown-it reads it from md.options at each parse.
  (md.options as { maxNesting: number }).maxNesting = MARKDOWN_MAX_NESTING;
  const block = md.block;
  const tokenize = block.tokenize;
  block.tokenize = function (state, startLine, endLine) {
    if (state.level >= MARKDOWN_MAX_NESTING && startLine < endLine) (state.env as NestingEnv).nestingCut = true;
    tokenize.call(this, state, startLine, endLine);
  };
}
