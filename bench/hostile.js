#!/usr/bin/env node
/**
 * Throughput on issue 13's hostile inputs (`npm run bench -- hostile`, or `node bench/hostile.js`
 * after a build): every shape of the crash corpus (test/fixtures/hostile/issue-13-crashes.ts,
 * read from its source so the shapes live in one place), in MB of input per second against
 * issue 13's aim of 1 MB/s. Three figures per shape, medians of RUNS: `check --offline` as a user
 * runs it (a fresh process: start-up included, wall clock and CPU); the same work in this
 * process (read, extract, build the report, render it) in CPU time; and extraction alone in this
 * process (parse and extract, no report), which is what the aim names. Then the CLI run's peak RSS
 * (getrusage, via rss-probe.js): in MB, and its growth above start-up's (`--version`) as a
 * multiple of the input file's bytes, and of the input's and the report's bytes together (the
 * report written to stdout, UTF-8; a page of 100,000 one-word paragraphs writes a report 29×
 * its size, which the run must build); with report-heavy posts besides the corpus
 * (MEMORY_SHAPES). Asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { extractPost } from '../dist/extract/index.js';
import { renderPieces } from '../dist/formatters/index.js';
import { buildReport } from '../dist/report/build.js';
import { parseDocument } from '../dist/sources/index.js';
import { pageHtml } from './bench-page.js';
import { median } from './stats.js';

const RUNS = 5;
const AIM = 1;
const PROBE = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
const CORPUS = new URL('../test/fixtures/hostile/issue-13-crashes.ts', import.meta.url);

/** The crash corpus, its TypeScript source transpiled (it holds types only, no other imports). */
async function loadCorpus() {
  const { outputText } = ts.transpileModule(readFileSync(CORPUS, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const { CRASHES } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
  return CRASHES;
}

/** A post of many short sections (heading, cited paragraph, list, quote), about `bytes` long. */
export function markdownPost(bytes) {
  const parts = ['---\ntitle: Big post\n---\n\n# Big post\n'];
  for (let i = 0, size = 0; size < bytes; i++) {
    const s = `\n## Section ${i}\n\nThe ministry said on ${i % 28} May that ${i}% of [the figures](https://data${i % 40}.example.gov/t/${i}) were revised, “a change we expect to hold,” an official told [reporters][r${i % 50}].\n\n- item one with <https://list${i % 30}.example.org/${i}>\n- item two **bold** and \`code https://x.example.org\`\n\n> A quote from [someone](https://quote.example.net/${i}) here.\n\n`;
    parts.push(s);
    size += s.length;
  }
  for (let r = 0; r < 50; r++) parts.push(`[r${r}]: https://ref${r}.example.com/path\n`);
  return parts.join('');
}

/**
 * A post of paragraphs of 50 lost anchors each (`[a][b]`, a Markdown reference with no
 * definition: ANCHOR_DAMAGED), about `bytes` long: one finding and one listed anchor per 7
 * bytes, every block at the findings cap but none past it (a reviewer's 30 MB post: 4.3 million
 * anchors, 2.5 GB peak).
 */
function lostAnchorsPost(bytes) {
  const paragraph = `${Array.from({ length: 50 }, () => '[a][b]').join(' ')}\n\n`;
  const parts = ['# Lost\n\n'];
  for (let size = 0; size < bytes; size += paragraph.length) parts.push(paragraph);
  return parts.join('');
}

/**
 * The page of 2,000 links the versus bench serves (bench/versus.js: 40 hosts × 50 links, ten
 * cited sentences to a paragraph), for issue 12's aim: `check --offline` of it under 400 ms.
 */
function versusPage() {
  const links = [];
  for (let h = 0; h < 40; h++) for (let i = 0; i < 50; i++) links.push(`http://127.0.0.${100 + h}:8080/story/${i}`);
  return pageHtml(links);
}

/** Report-heavy inputs for peak memory, besides the crash corpus: big Markdown files; and issue 12's page. */
const MEMORY_SHAPES = [
  { name: 'versus-page-2000-links', ext: 'html', build: versusPage },
  { name: 'markdown-post-4mb', ext: 'md', build: () => markdownPost(4_000_000) },
  {
    name: 'markdown-one-list-4mb',
    ext: 'md',
    build: () => {
      const items = ['# Links\n\n'];
      for (let i = 0, size = 0; size < 4_000_000; i++) {
        const item = `- The ministry said ${i}% of [the figures](https://data${i % 40}.example.gov/t/${i}) were revised.\n`;
        items.push(item);
        size += item.length;
      }
      return items.join('');
    },
  },
  { name: 'markdown-lost-anchors-3mb', ext: 'md', format: 'terminal', build: () => lostAnchorsPost(3_000_000) },
  // A minute or more a run: only with BENCH_LARGE=1, as the corpus's large cases.
  {
    name: 'markdown-lost-anchors-30mb',
    ext: 'md',
    format: 'terminal',
    large: true,
    build: () => lostAnchorsPost(30_000_000),
  },
];

/** One `check --offline` run through the CLI: exit status, wall seconds, CPU ms and peak RSS (MB). */
function cliRun(bin, file, format, probeFile) {
  const start = performance.now();
  const { status } = spawnSync(
    process.execPath,
    ['--import', PROBE, bin, 'check', '--offline', '--format', format, file],
    {
      stdio: 'ignore',
      env: { ...process.env, CITECHECK_RSS_FILE: probeFile },
    },
  );
  const wall = (performance.now() - start) / 1000;
  const { maxRssKb, cpuMs } = JSON.parse(readFileSync(probeFile, 'utf8'));
  return { status, wall, cpuMs, rssMb: maxRssKb / 1024 };
}

/**
 * CPU ms of one in-process pass: what `check --offline` does after start-up, and of its first
 * part, parsing and extraction (`extractMs`); with `count`, also
 * the bytes of the report written (UTF-8), counted outside the CPU figure's purpose (untimed pass).
 */
function inProcess(text, source, format, count = false) {
  const start = process.cpuUsage();
  const posts = parseDocument(Buffer.from(text), { source }).map((post) => extractPost(post));
  const extracted = process.cpuUsage(start);
  const report = buildReport({ posts, results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
  let bytes = 0;
  for (const piece of renderPieces(format, report)) if (count) bytes += Buffer.byteLength(piece);
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, extractMs: (extracted.user + extracted.system) / 1000, bytes };
}

/** Runs the hostile-input figures. */
export async function benchHostile() {
  const bin = fileURLToPath(new URL('../bin/citecheck.js', import.meta.url));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-bench-hostile-'));
  try {
    const probeFile = path.join(dir, 'probe.json');
    const startup = [];
    const startupRss = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      execFileSync(process.execPath, ['--import', PROBE, bin, '--version'], {
        stdio: 'ignore',
        env: { ...process.env, CITECHECK_RSS_FILE: probeFile },
      });
      startup.push(performance.now() - start);
      startupRss.push(JSON.parse(readFileSync(probeFile, 'utf8')).maxRssKb / 1024);
    }
    const baseRss = median(startupRss);
    console.log(
      `hostile: start-up (\`--version\`) median ${median(startup).toFixed(0)} ms, peak RSS ${baseRss.toFixed(0)} MB, in every CLI figure below`,
    );
    // The tens-of-megabytes cases take minutes at RUNS runs each: only when asked.
    const shapes = [...(await loadCorpus()), ...MEMORY_SHAPES].filter(
      (c) => !c.large || process.env.BENCH_LARGE === '1',
    );
    for (const c of shapes) {
      const text = c.build();
      const format = c.format ?? 'json';
      const file = path.join(dir, `${c.name}.${c.ext}`);
      writeFileSync(file, text);
      const mb = Buffer.byteLength(text) / 1e6;
      const runs = [];
      // Exit 1 (findings at --fail-on) is a finished run too; the status is printed.
      for (let run = 0; run < RUNS; run++) runs.push(cliRun(bin, file, format, probeFile));
      const status = runs.at(-1).status;
      const cli = median(runs.map((r) => r.wall));
      const cliCpu = median(runs.map((r) => r.cpuMs)) / 1000;
      const rss = median(runs.map((r) => r.rssMb));
      // One untimed pass first: the first shapes would otherwise pay for compiling the code.
      const reportMb = inProcess(text, file, format, true).bytes / 1e6;
      const cpu = [];
      const extract = [];
      for (let run = 0; run < RUNS; run++) {
        const { ms, extractMs } = inProcess(text, file, format);
        cpu.push(ms / 1000);
        extract.push(extractMs / 1000);
      }
      const extractRate = mb / median(extract);
      const cliRate = mb / cli;
      const cpuRate = mb / median(cpu);
      console.log(
        `hostile: ${c.name} (${mb.toFixed(2)} MB): \`check --offline\` (exit ${status}) median ${cli.toFixed(2)} s (${cliCpu.toFixed(2)} s CPU), ${cliRate.toFixed(2)} MB/s (${(mb / cliCpu).toFixed(2)} MB/s of CPU); in-process ${(median(cpu) * 1000).toFixed(0)} ms CPU, ${cpuRate.toFixed(2)} MB/s; extraction alone ${(median(extract) * 1000).toFixed(0)} ms CPU, ${extractRate.toFixed(2)} MB/s; aim ${AIM} MB/s: ${extractRate >= AIM ? 'meets' : 'misses'} in extraction, ${cpuRate >= AIM ? 'meets' : 'misses'} in-process, ${cliRate >= AIM ? 'meets' : 'misses'} through the CLI; peak RSS ${rss.toFixed(0)} MB, ${(rss - baseRss).toFixed(0)} MB above start-up's: ${((rss - baseRss) / mb).toFixed(0)}× the input, ${((rss - baseRss) / (mb + reportMb)).toFixed(1)}× the input and the ${format} report (${reportMb.toFixed(2)} MB) together`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchHostile();
