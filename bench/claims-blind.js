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
 * matched to the labels by hash, else by head. Prints counts only, never a paragraph's text,
 * so a blind set stays blind to whoever reads the output. BREAKDOWN=1 adds false positives by
 * label and false negatives by citecheck's reading. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = process.env.CITECHECK_BIN ?? fileURLToPath(new URL('../bin/citecheck.js', import.meta.url));

/** A paragraph's text as labels hash it: NFKC, white space runs as one space, trimmed, lower case. */
const normalise = (text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const h16 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The `hash` and `head` of a paragraph's text. */
function paragraphHashes(text) {
  const t = normalise(text);
  return { hash: h16(t), head: h16(t.split(' ').slice(0, 12).join(' ')) };
}

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

const zero = () => ({ tp: 0, fp: 0, fn: 0, unmatched: 0, unmatchedPositives: 0, fpBy: {}, fnBy: {} });
const bump = (counts, key) => (counts[key] = (counts[key] ?? 0) + 1);

function scoreSet(file) {
  const set = JSON.parse(readFileSync(file, 'utf8'));
  const c = zero();
  for (const page of set.pages) {
    const report = reportOf(path.join(path.dirname(file), page.file));
    const flagged = new Set(report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.block));
    const byHash = new Map(page.paragraphs.map((p) => [p.hash, p]));
    const byHead = new Map();
    for (const p of page.paragraphs) if (!byHead.has(p.head)) byHead.set(p.head, p);
    const seen = new Set();
    for (const block of report.posts[0]?.blocks ?? []) {
      const { hash, head } = paragraphHashes(block.text ?? '');
      const label = byHash.get(hash) ?? byHead.get(head);
      if (!label || seen.has(label.n)) continue;
      seen.add(label.n);
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
    }
    for (const p of page.paragraphs)
      if (!seen.has(p.n)) {
        c.unmatched++;
        if (p.label === 'uncited-claim') c.unmatchedPositives++;
      }
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
    `claims-blind ${s.name}: ${s.pages} pages, ${line(s)}; labels without a block ${s.unmatched} (positives ${s.unmatchedPositives})`,
  );
  if (process.env.BREAKDOWN)
    console.log(`  false positives by label ${JSON.stringify(s.fpBy)}; false negatives ${JSON.stringify(s.fnBy)}`);
  for (const k of ['tp', 'fp', 'fn', 'unmatched', 'unmatchedPositives']) pooled[k] += s[k];
}
if (files.length > 1) console.log(`claims-blind pooled: ${line(pooled)}`);
