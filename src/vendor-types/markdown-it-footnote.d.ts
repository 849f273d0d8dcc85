// markdown-it-footnote ships no types, and @types/markdown-it-footnote is written against the
// CommonJS typings of markdown-it, which do not match the ESM ones this project uses.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  /** The markdown-it plugin for `[^1]` footnote marks and `[^1]: …` notes. */
  const footnote: PluginSimple;
  export default footnote;
}
