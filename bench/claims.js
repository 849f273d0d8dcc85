#!/usr/bin/env node
/**
 * Claim-flag quality (`npm run bench`, or `node bench/claims.js` after a build): precision and
 * recall of CLAIM_UNCITED on the labelled paragraphs of test/fixtures/claims/ (each extracted
 * as its own Markdown post, offline), and on its labelled whole pages (page-shapes.json, each
 * one HTML post). Prints the figures and the paragraphs it gets wrong;
 * asserts nothing (test/extract/claim-flags.test.ts holds the bar).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractPost } from '../dist/extract/index.js';
import { buildReport } from '../dist/report/build.js';
import { parseDocument } from '../dist/sources/index.js';

const FIXTURES = new URL('../test/fixtures/claims/', import.meta.url);

/** Precision and recall of CLAIM_UNCITED on one labelled set. */
export function scoreClaims(name) {
  const { paragraphs } = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
  const posts = paragraphs.map((p, i) => extractPost(parseDocument(`${p.text}\n`, { source: `p${i}.md` })[0]));
  const report = buildReport({ posts, results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
  const flagged = new Set(report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.post));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong = [];
  paragraphs.forEach((p, i) => {
    const hit = flagged.has(i);
    if (hit && p.needsSource) tp++;
    else if (hit) {
      fp++;
      wrong.push(`false positive: ${p.text}`);
    } else if (p.needsSource) {
      fn++;
      wrong.push(`missed: ${p.text}`);
    }
  });
  return { paragraphs: paragraphs.length, tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), wrong };
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A labelled page as the HTML post it stands for: its paragraphs in an <article> (each in its
 * `tag`, default p), its title, its URL in a canonical link and its `head` markup in the head.
 */
export function pageHtml(page) {
  const paragraphs = page.paragraphs.map((p) => {
    const tag = p.tag ?? 'p';
    return `<${tag}>${escapeHtml(p.text).replace(LINK, '<a href="$2">$1</a>')}</${tag}>`;
  });
  return `<!doctype html><html><head><title>${escapeHtml(page.title ?? page.name)}</title><link rel="canonical" href="${page.url}">${page.head ?? ''}</head><body><article>\n${paragraphs.join('\n')}\n</article></body></html>`;
}

/**
 * Precision and recall of CLAIM_UNCITED on whole labelled pages (page-shapes.json): the voice
 * of a page (statement signal) and its links count, not just each paragraph alone.
 */
export function scorePages(name) {
  const { pages } = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let paragraphs = 0;
  const wrong = [];
  for (const page of pages) {
    const post = extractPost(parseDocument(pageHtml(page), { source: `${page.name}.html` })[0]);
    const report = buildReport({
      posts: [post],
      results: new Map(),
      startedAt: new Date(0),
      durationMs: 0,
      offline: true,
    });
    const flagged = new Set(report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.block));
    for (const p of page.paragraphs) {
      paragraphs++;
      const text = p.text.replace(LINK, '$1');
      const block = post.blocks.find((b) => b.text.startsWith(text.slice(0, 40)));
      const hit = block !== undefined && flagged.has(block.index);
      if (hit && p.needsSource) tp++;
      else if (hit) {
        fp++;
        wrong.push(`false positive [${page.name}]: ${text}`);
      } else if (p.needsSource) {
        fn++;
        wrong.push(`missed [${page.name}]: ${text}`);
      }
    }
  }
  return { paragraphs, tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), wrong };
}

/** Prints the figures of both sets: the held-out one was not used to tune the rules. */
export function benchClaims() {
  for (const name of ['labelled-paragraphs.json', 'held-out-paragraphs.json']) {
    const s = scoreClaims(name);
    console.log(
      `claims: ${name}: CLAIM_UNCITED on ${s.paragraphs} paragraphs: precision ${s.precision.toFixed(2)} (${s.tp}/${s.tp + s.fp}), recall ${s.recall.toFixed(2)} (${s.tp}/${s.tp + s.fn}); aims 0.70 and 0.80`,
    );
    for (const line of s.wrong) console.log(`claims:   ${line}`);
  }
  for (const name of [
    'page-shapes.json',
    'firsthand-pages.json',
    'firsthand-held-out.json',
    'provenance-pages.json',
    'provenance-held-out.json',
  ]) {
    const s = scorePages(name);
    console.log(
      `claims: ${name} (whole pages): CLAIM_UNCITED on ${s.paragraphs} paragraphs: precision ${s.precision.toFixed(2)} (${s.tp}/${s.tp + s.fp}), recall ${s.recall.toFixed(2)} (${s.tp}/${s.tp + s.fn}); aims 0.70 and 0.80`,
    );
    for (const line of s.wrong) console.log(`claims:   ${line}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) benchClaims();
