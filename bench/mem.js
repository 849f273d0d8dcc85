#!/usr/bin/env node
/**
 * Peak memory of `check --offline --no-config --format json FILE` on large inputs of three
 * ordinary shapes (issue 13: "keep peak memory within a small multiple of the input"):
 *   - markdown: ~18 MB of short sections (a heading, a cited paragraph, a list, a quote:
 *     bench/hostile.js's big post);
 *   - markdown-prose: ~18 MB of sections of a heading and three paragraphs of cited sentences;
 *   - wxr: a ~50 MB WordPress export (bench/wxr.js's generator, 10,000 items);
 *   - html: a ~20 MB page, an article of headed sections of cited paragraphs;
 * and issue 12's 2,000-link page, whose wall time must not regress. With BASE_BIN (another
 * build's bin/citecheck.js) each run is paired with one of that build, alternating, and the
 * medians of both and of the pairs' ratios are printed.
 * `npm run bench -- mem`, or `node bench/mem.js [RUNS] [shape…]` after a build. Each run is a
 * fresh CLI process; its peak RSS (getrusage, via rss-probe.js), wall time and the sha256 of
 * what it wrote to stdout (its start time and duration masked) are printed, medians of RUNS (default 3). Asserts nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageHtml } from './bench-page.js';
import { markdownPost } from './hostile.js';
import { median, prng } from './stats.js';
import { writeExport } from './wxr.js';

const PROBE = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/citecheck.js', import.meta.url));
// Another build's bin/citecheck.js (a checkout of main, say), run in turn with this one.
const BASE_BIN = process.env.BASE_BIN;

const WORDS =
  'the council budget report minister harbour said according to officials data survey growth rate city residents plan project vote would could market energy prices analysts expect government announced statement court ruling decision'.split(
    ' ',
  );

/** A paragraph of `sentences` sentences, every other one citing a link. */
function paragraph(rand, n, sentences, link) {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const out = [];
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: 14 }, pick);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (s % 2 === 0) words[6] = link(`https://source-${(n + s) % 200}.example.org/story/${n}/${s}`, words[6]);
    words[10] = `${(n + s) % 97}%`;
    out.push(`${words.join(' ')}.`);
  }
  return out.join(' ');
}

/** About `bytes` of Markdown: sections of a heading and three cited paragraphs. */
function proseFile(bytes) {
  const rand = prng(5);
  const parts = ['# A long post\n'];
  for (let n = 0, size = 0; size < bytes; n++) {
    const paragraphs = [0, 1, 2].map((k) => paragraph(rand, n * 3 + k, 4, (href, text) => `[${text}](${href})`));
    const s = `\n## Section ${n}\n\n${paragraphs.join('\n\n')}\n`;
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

/** About `bytes` of HTML: one article of headed sections of three cited paragraphs. */
function htmlFile(bytes) {
  const rand = prng(9);
  const parts = ['<!doctype html><html><head><title>A long page</title></head><body><article><h1>A long page</h1>\n'];
  for (let n = 0, size = 0; size < bytes; n++) {
    const paragraphs = [0, 1, 2].map(
      (k) => `<p>${paragraph(rand, n * 3 + k, 4, (href, text) => `<a href="${href}">${text}</a>`)}</p>`,
    );
    const s = `<h2>Section ${n}</h2>\n${paragraphs.join('\n')}\n`;
    parts.push(s);
    size += s.length;
  }
  parts.push('</article></body></html>\n');
  return parts.join('');
}

function versusPage() {
  const links = [];
  for (let h = 0; h < 40; h++) for (let i = 0; i < 50; i++) links.push(`http://127.0.0.${100 + h}:8080/story/${i}`);
  return pageHtml(links);
}

const SHAPES = {
  markdown: { ext: 'md', write: (file) => writeFileSync(file, markdownPost(18_000_000)) },
  'markdown-prose': { ext: 'md', write: (file) => writeFileSync(file, proseFile(18_000_000)) },
  wxr: { ext: 'xml', write: (file) => writeExport(file, 9_000) },
  html: { ext: 'html', write: (file) => writeFileSync(file, htmlFile(20_000_000)) },
  'page-2000-links': { ext: 'html', write: (file) => writeFileSync(file, versusPage()) },
};

/** One CLI run: wall and CPU seconds, peak RSS (MB), sha256 of stdout, exit status. */
function cliRun(bin, file, probeFile) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const hash = createHash('sha256');
    const child = spawn(
      process.execPath,
      ['--import', PROBE, bin, 'check', '--offline', '--no-config', '--format', 'json', file],
      { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, CITECHECK_RSS_FILE: probeFile } },
    );
    // The run's start and duration (near the top of the report) are masked: the hash is the rest's.
    let first = true;
    child.stdout.on('data', (chunk) => {
      if (!first) return hash.update(chunk);
      first = false;
      hash.update(chunk.toString('latin1').replace(/"startedAt": "[^"]*",\n {2}"durationMs": \d+,/, ''), 'latin1');
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const wall = (performance.now() - start) / 1000;
      const { maxRssKb, cpuMs } = JSON.parse(readFileSync(probeFile, 'utf8'));
      resolve({ status, wall, cpu: cpuMs / 1000, rssMb: maxRssKb / 1024, sha: hash.digest('hex').slice(0, 16) });
    });
  });
}

/** Writes the input of shape `name` to `file` (for profiling one by hand). */
export async function writeShape(name, file) {
  await SHAPES[name].write(file);
}

export async function benchMem(runs = 3, only = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-bench-mem-'));
  try {
    const probeFile = path.join(dir, 'probe.json');
    for (const [name, shape] of Object.entries(SHAPES)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const file = path.join(dir, `${name}.${shape.ext}`);
      await shape.write(file);
      const mb = statSync(file).size / 1e6;
      const results = [];
      const base = [];
      for (let run = 0; run < runs; run++) {
        // Paired, alternating (which goes first alternates too): the machine's drift hits both.
        if (BASE_BIN && run % 2 === 0) base.push(await cliRun(BASE_BIN, file, probeFile));
        results.push(await cliRun(BIN, file, probeFile));
        if (BASE_BIN && run % 2 === 1) base.push(await cliRun(BASE_BIN, file, probeFile));
      }
      rmSync(file);
      const line = (label, rs) => {
        const rss = median(rs.map((r) => r.rssMb));
        const shas = [...new Set(rs.map((r) => r.sha))].join(',');
        return `${label}peak RSS median ${rss.toFixed(0)} MB (${(rss / mb).toFixed(1)}× input; runs ${rs.map((r) => r.rssMb.toFixed(0)).join(', ')}), wall median ${median(rs.map((r) => r.wall)).toFixed(2)} s (runs ${rs.map((r) => r.wall.toFixed(2)).join(', ')}), CPU median ${median(rs.map((r) => r.cpu)).toFixed(2)} s, exit ${rs[0].status}, stdout sha256 ${shas}`;
      };
      console.log(`mem: ${name} (${mb.toFixed(1)} MB): ${line('', results)}`);
      if (BASE_BIN) {
        const ratio = (key) => median(results.map((r, i) => r[key] / base[i][key])).toFixed(3);
        console.log(`mem: ${name} base: ${line('', base)}`);
        console.log(
          `mem: ${name} this/base, median of ${runs} pairs: peak RSS ${ratio('rssMb')}, wall ${ratio('wall')}, CPU ${ratio('cpu')}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [runs, ...only] = process.argv.slice(2);
  await benchMem(runs ? Number(runs) : 3, only);
}
