#!/usr/bin/env node
/**
 * Extraction benchmark (`npm run bench`, or `node bench/extract.js` after `npx tsc -p .`).
 *
 * Generates 2,000 WordPress posts of ~10 KB JSON in memory (varied paragraphs, links, quotes,
 * numbers, lists, a blockquote, some orphan </a> tags), then runs parseDocument + extractPost
 * over all of them, 5 times, on this one thread. Prints the median posts/s and how it compares
 * with the 500 posts/s aim. Asserts nothing.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { extractPost } from '../dist/extract/index.js';
import { parseDocument } from '../dist/sources/index.js';

const POSTS = 2000;
const TARGET_BYTES = 10_000;
const RUNS = 5;
const AIM = 500;

/** A small deterministic PRNG (mulberry32), so every run measures the same posts. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'the council budget report minister harbour said according to officials data survey growth rate city residents plan project vote would could market energy prices analysts expect government announced statement court ruling decision'.split(
    ' ',
  );

/** One paragraph of made-up prose with links, quotes and figures. */
function paragraph(rand, n, minWords = 40) {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const parts = [];
  const words = minWords + Math.floor(rand() * minWords);
  for (let i = 0; i < words; i++) {
    const r = rand();
    if (r < 0.04)
      parts.push(
        `<a href="https://source${Math.floor(rand() * 50)}.example.org/story/${n}-${i}?ref=x" rel="${rand() < 0.2 ? 'nofollow' : 'noopener'}">${pick()} ${pick()}</a>`,
      );
    else if (r < 0.05) parts.push(`<a href="/archive/${n}/${i}/">our archive</a>`);
    else if (r < 0.06) parts.push(`&#8220;${pick()} ${pick()} ${pick()} ${pick()}&#8221;`);
    else if (r < 0.08) parts.push(`$${(rand() * 100).toFixed(1)} million`);
    else if (r < 0.09) parts.push(`${Math.floor(rand() * 90)}%`);
    else if (r < 0.095) parts.push(`${pick()}</a>`);
    else if (r < 0.12) parts.push(`${pick()}.`);
    else parts.push(pick());
  }
  return parts.join(' ');
}

/** One post of about TARGET_BYTES of JSON. */
function makePost(rand, n) {
  let content = '';
  let i = 0;
  while (content.length < TARGET_BYTES - 600) {
    const kind = i % 9;
    if (kind === 4) content += `<h2>Section ${i}</h2>\n`;
    else if (kind === 6) content += `<ul><li>${paragraph(rand, n, 12)}</li><li>${paragraph(rand, n, 12)}</li></ul>\n`;
    else if (kind === 8)
      content += `<blockquote cite="https://quotes.example.net/${n}"><p>${paragraph(rand, n)}</p></blockquote>\n`;
    else content += `<p>${paragraph(rand, n)}</p>\n`;
    i++;
  }
  return JSON.stringify({
    id: n,
    date: '2025-01-01T10:00:00',
    date_gmt: '2025-01-01T09:00:00',
    slug: `post-${n}`,
    link: `https://blog.example.com/2025/01/post-${n}/`,
    title: { rendered: `Post number ${n} &#8211; a test` },
    content: { rendered: content, protected: false },
  });
}

/** Median of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the extraction benchmark and prints its figures. */
export async function benchExtract() {
  const rand = prng(42);
  const docs = Array.from({ length: POSTS }, (_, n) => Buffer.from(makePost(rand, n)));
  const avgBytes = Math.round(docs.reduce((s, d) => s + d.byteLength, 0) / docs.length);
  const rates = [];
  const cpuRates = [];
  let blocks = 0;
  let citations = 0;
  for (let run = 0; run < RUNS; run++) {
    blocks = 0;
    citations = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let n = 0; n < docs.length; n++) {
      for (const post of parseDocument(docs[n], { source: `post-${n}.json` })) {
        const extracted = extractPost(post);
        blocks += extracted.blocks.length;
        for (const b of extracted.blocks) citations += b.citations.length;
      }
    }
    const cpu = process.cpuUsage(cpuStart);
    rates.push(docs.length / ((performance.now() - start) / 1000));
    cpuRates.push(docs.length / ((cpu.user + cpu.system) / 1e6));
  }
  const rate = median(rates);
  const cpuRate = median(cpuRates);
  console.log(
    `extract: ${POSTS} posts of ~${(avgBytes / 1000).toFixed(1)} KB (${blocks} blocks, ${citations} citations per pass), ${RUNS} runs`,
  );
  console.log(
    `extract: median ${Math.round(rate)} posts/s wall clock (runs: ${rates.map((r) => Math.round(r)).join(', ')})`,
  );
  // Per CPU-second of this process: the figure that holds when other work shares the machine
  // (load average below). It includes GC helper threads, so it is a lower bound per core.
  console.log(
    `extract: median ${Math.round(cpuRate)} posts per CPU-second (load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores)`,
  );
  const verdict = rate >= AIM ? 'meets' : 'misses';
  console.log(
    `extract: ${verdict} the aim of ${AIM} posts/s (${(rate / AIM).toFixed(2)}× wall clock, ${(cpuRate / AIM).toFixed(2)}× per CPU-second)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchExtract();
