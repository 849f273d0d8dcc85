#!/usr/bin/env node
/**
 * Lists the paragraphs of a saved article body for labelling (bench/claims-labelling.md):
 * `node bench/claims-paragraphs.js BODY.html`. Not citecheck's reading: the innermost elements
 * of p, h1–h6, li, blockquote, figcaption, dd, dt, pre and td inside <article>, each with its
 * number, `hash` and `head` (as bench/claims-blind.js computes them from a block's text), its
 * links and the start of its text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';

const SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, dd, dt, pre, td';
const normalise = (text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const h16 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const $ = cheerio.load(readFileSync(process.argv[2], 'utf8'));
const out = [];
$('article')
  .find(SELECTOR)
  .each((_, el) => {
    if ($(el).find(SELECTOR).length > 0) return;
    const text = normalise($(el).text());
    if (text === '') return;
    out.push({
      n: out.length + 1,
      tag: el.tagName,
      hash: h16(text),
      head: h16(text.split(' ').slice(0, 12).join(' ')),
      links: $(el)
        .find('a[href]')
        .map((_, a) => $(a).attr('href'))
        .get(),
      start: text.slice(0, 70),
    });
  });
console.log(JSON.stringify(out, null, 1));
