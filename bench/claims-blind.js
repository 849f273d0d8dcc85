#!/usr/bin/env node
/**
 * CLAIM_UNCITED against hand-labelled pages that live outside the repository (issue 8):
 * `node bench/claims-blind.js DIR/labels.json [DIR2/labels.json …]` after a build.
 *
 * A label set is a folder of saved article bodies (NN-site.html) and a labels.json written by a
 * labeller who never ran citecheck, by bench/claims-labelling.md: per paragraph its `hash` and
 * `head` (sha256 of its normalised text and of its first 12 words, 16 hex digits each; see
 * paragraphHashes below) and a label: `uncited-claim` (a paragraph that needs a source and has
 * none: the positives), `cited-claim`, `firsthand` or `no-claim`. Each page is checked offline
 * through the CLI (CITECHECK_BIN, default this checkout's bin/citecheck.js); its blocks are
 * matched to the labels by hash, else by head. A labelled paragraph inside a <blockquote> of
 * the page that matches no block that way is matched to the block holding its text: citecheck
 * reads a blockquote of several paragraphs (a quoted passage, an embedded post and its
 * "— Name (@handle)" line) as one block, which the labeller labelled paragraph by paragraph; each
 * such label is scored by that block's verdict, as the block is what a reader of the report sees
 * flagged or not (a flagged quote counts a true positive for each uncited paragraph in it and a
 * false positive for each other one). The page's paragraphs are numbered as the labeller's
 * listing numbers them (bench/paragraph-list.js), and a label is mapped only when its number
 * and hash agree with that listing. Prints counts only, never a paragraph's text, so a blind set
 * stays blind to whoever reads the output; the labels matched no block are counted before and
 * after the blockquote mapping. BREAKDOWN=1 adds false positives by label and false negatives by
 * citecheck's reading; PAGES=1 adds each page's true and false positives and misses. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listParagraphs, normalise, paragraphHashes } from './paragraph-list.js';

const BIN = process.env.CITECHECK_BIN ?? fileURLToPath(new URL('../bin/citecheck.js', import.meta.url));

function reportOf(file) {
  let out;
  try {
    out = execFileSync(process.execPath, [BIN, 'check', '--offline', '--no-config', '--format', 'json', file], {
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    out = error.stdout; // exit 1: findings at or above --fail-on
  }
  return JSON.parse(out.toString());
}

const zero = () => ({
  tp: 0,
  fp: 0,
  fn: 0,
  unmatched: 0,
  unmatchedPositives: 0,
  unmatchedByHash: 0,
  inBlockquotes: 0,
  fpBy: {},
  fnBy: {},
});
const bump = (counts, key) => (counts[key] = (counts[key] ?? 0) + 1);

function scoreSet(file) {
  const set = JSON.parse(readFileSync(file, 'utf8'));
  const c = zero();
  for (const page of set.pages) {
    const page_ = path.join(path.dirname(file), page.file);
    const report = reportOf(page_);
    const before = { tp: c.tp, fp: c.fp, fn: c.fn, up: c.unmatchedPositives };
    const flagged = new Set(report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.block));
    const blocks = report.posts[0]?.blocks ?? [];
    const byHash = new Map(page.paragraphs.map((p) => [p.hash, p]));
    const byHead = new Map();
    for (const p of page.paragraphs) if (!byHead.has(p.head)) byHead.set(p.head, p);
    const seen = new Set();
    const score = (block, label) => {
      const positive = label.label === 'uncited-claim';
      if (flagged.has(block.index)) {
        if (positive) c.tp++;
        else {
          c.fp++;
          bump(c.fpBy, label.label);
        }
      } else if (positive) {
        c.fn++;
        bump(
          c.fnBy,
          !block.isClaim ? 'not a claim' : block.citations?.length ? 'claim with citations' : 'claim, other',
        );
      }
    };
    for (const block of blocks) {
      const { hash, head } = paragraphHashes(block.text ?? '');
      const label = byHash.get(hash) ?? byHead.get(head);
      if (!label || seen.has(label.n)) continue;
      seen.add(label.n);
      score(block, label);
    }
    const left = page.paragraphs.filter((p) => !seen.has(p.n));
    c.unmatchedByHash += left.length;
    if (left.length > 0) {
      // The labeller's listing of the page: where each left-over paragraph sits, and its text.
      const listed = new Map(listParagraphs(readFileSync(page_, 'utf8')).map((p) => [p.n, p]));
      const texts = blocks.map((b) => ` ${normalise(b.text ?? '')} `);
      for (const label of left) {
        const p = listed.get(label.n);
        if (p === undefined || p.hash !== label.hash || !p.inBlockquote) continue;
        const at = texts.findIndex((t) => t.includes(` ${p.text} `));
        if (at < 0) continue;
        seen.add(label.n);
        c.inBlockquotes++;
        score(blocks[at], label);
      }
    }
    for (const p of page.paragraphs)
      if (!seen.has(p.n)) {
        c.unmatched++;
        if (p.label === 'uncited-claim') c.unmatchedPositives++;
      }
    if (process.env.PAGES)
      console.log(
        `  ${page.file}: tp ${c.tp - before.tp} fp ${c.fp - before.fp} fn ${c.fn - before.fn + c.unmatchedPositives - before.up}`,
      );
  }
  return { name: set.set ?? file, pages: set.pages.length, ...c };
}

const ratio = (a, b) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
function line(s) {
  const positives = s.tp + s.fn + s.unmatchedPositives;
  return `P ${ratio(s.tp, s.tp + s.fp)} (${s.tp}/${s.tp + s.fp}) R ${ratio(s.tp, positives)} (${s.tp}/${positives})`;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log('claims-blind: give one or more labels.json files (see the comment at the top of this file)');
  process.exit(0);
}
const pooled = zero();
for (const file of files) {
  const s = scoreSet(file);
  console.log(
    `claims-blind ${s.name}: ${s.pages} pages, ${line(s)}; labels without a block ${s.unmatched} (positives ${s.unmatchedPositives}; ${s.unmatchedByHash} by hash alone, ${s.inBlockquotes} mapped into a blockquote's block)`,
  );
  if (process.env.BREAKDOWN)
    console.log(`  false positives by label ${JSON.stringify(s.fpBy)}; false negatives ${JSON.stringify(s.fnBy)}`);
  for (const k of ['tp', 'fp', 'fn', 'unmatched', 'unmatchedPositives', 'unmatchedByHash', 'inBlockquotes'])
    pooled[k] += s[k];
}
if (files.length > 1)
  console.log(
    `claims-blind pooled: ${line(pooled)}; labels without a block ${pooled.unmatched} (${pooled.unmatchedByHash} by hash alone)`,
  );
