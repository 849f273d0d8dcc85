#!/usr/bin/env node
/**
 * Lists the paragraphs of a saved article body for labelling (bench/claims-labelling.md):
 * `node bench/claims-paragraphs.js BODY.html`. Not citecheck's reading: the innermost elements
 * of p, h1–h6, li, blockquote, figcaption, dd, dt, pre and td inside <article>
 * (bench/paragraph-list.js), each with its number, `hash` and `head` (as bench/claims-blind.js
 * computes them from a block's text), its links and the start of its text.
 */
import { readFileSync } from 'node:fs';
import { listParagraphs } from './paragraph-list.js';

const out = listParagraphs(readFileSync(process.argv[2], 'utf8')).map(({ n, tag, hash, head, links, text }) => ({
  n,
  tag,
  hash,
  head,
  links,
  start: text.slice(0, 70),
}));
console.log(JSON.stringify(out, null, 1));
