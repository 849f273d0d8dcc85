#!/usr/bin/env node
/**
 * How far two blind labellers agree on the same pages (issue 8): `node bench/claims-agreement.js
 * A/labels.json B/labels.json`. Paragraphs are matched by `hash` (bench/claims-labelling.md);
 * A's labels are taken as the truth and B's `uncited-claim` as the prediction, so the printed
 * precision and recall are what a perfect copy of labeller B would score on labeller A's set:
 * the ceiling a tool can expect from one labelling. Also prints Cohen's kappa over the four
 * labels. Prints counts only, never a paragraph's text.
 */
import { readFileSync } from 'node:fs';

const POSITIVE = 'uncited-claim';
const LABELS = ['uncited-claim', 'cited-claim', 'firsthand', 'no-claim'];

function labelsByHash(file) {
  const set = JSON.parse(readFileSync(file, 'utf8'));
  const byHash = new Map();
  for (const page of set.pages)
    for (const p of page.paragraphs) byHash.set(`${page.file.split('/').pop()}#${p.hash}`, p.label);
  return { name: set.set ?? file, byHash };
}

const [fileA, fileB] = process.argv.slice(2);
if (fileA === undefined || fileB === undefined) {
  console.log('claims-agreement: give two labels.json files of the same pages');
  process.exit(2);
}
const a = labelsByHash(fileA);
const b = labelsByHash(fileB);
let tp = 0;
let fp = 0;
let fn = 0;
let both = 0;
let same = 0;
const confusion = new Map();
const marginA = new Map();
const marginB = new Map();
for (const [key, labelA] of a.byHash) {
  const labelB = b.byHash.get(key);
  if (labelB === undefined) continue;
  both += 1;
  if (labelA === labelB) same += 1;
  const cell = `${labelA} -> ${labelB}`;
  confusion.set(cell, (confusion.get(cell) ?? 0) + 1);
  marginA.set(labelA, (marginA.get(labelA) ?? 0) + 1);
  marginB.set(labelB, (marginB.get(labelB) ?? 0) + 1);
  if (labelB === POSITIVE && labelA === POSITIVE) tp += 1;
  else if (labelB === POSITIVE) fp += 1;
  else if (labelA === POSITIVE) fn += 1;
}
const chance = LABELS.reduce((sum, l) => sum + ((marginA.get(l) ?? 0) / both) * ((marginB.get(l) ?? 0) / both), 0);
const kappa = (same / both - chance) / (1 - chance);
const ratio = (n, d) => (d === 0 ? 'n/a' : (n / d).toFixed(2));
console.log(
  `claims-agreement ${b.name} against ${a.name}: ${both} paragraphs in both; ${POSITIVE} P ${ratio(tp, tp + fp)} (${tp}/${tp + fp}) R ${ratio(tp, tp + fn)} (${tp}/${tp + fn}); same label ${ratio(same, both)}, kappa ${kappa.toFixed(2)}`,
);
if (process.env.BREAKDOWN === '1') console.log(Object.fromEntries([...confusion].sort((x, y) => y[1] - x[1])));
