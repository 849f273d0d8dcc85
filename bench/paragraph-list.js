/**
 * The paragraphs of a saved article body as a labeller numbers them (bench/claims-labelling.md):
 * the innermost elements of p, h1–h6, li, blockquote, figcaption, dd, dt, pre and td inside
 * <article>, with empty ones left out. Shared by claims-paragraphs.js, which lists them for the
 * labeller, and claims-blind.js, which finds where a labelled paragraph sits in the page.
 */
import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';

const SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, dd, dt, pre, td';

/** A paragraph's text as labels hash it: NFKC, white space runs as one space, trimmed, lower case. */
export const normalise = (text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const h16 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The `hash` and `head` of a paragraph's text (sha256 of it normalised, and of its first 12 words). */
export function paragraphHashes(text) {
  const t = normalise(text);
  return { hash: h16(t), head: h16(t.split(' ').slice(0, 12).join(' ')) };
}

/**
 * The paragraphs of `html`, numbered from 1 as labels number them: each with its tag, its
 * normalised text, `hash`, `head`, its links, and whether it sits inside a <blockquote> (or is one).
 */
export function listParagraphs(html) {
  const $ = cheerio.load(html);
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
        text,
        ...paragraphHashes(text),
        links: $(el)
          .find('a[href]')
          .map((_, a) => $(a).attr('href'))
          .get(),
        inBlockquote: $(el).closest('blockquote').length > 0,
      });
    });
  return out;
}
