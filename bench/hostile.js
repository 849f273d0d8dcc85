#!/usr/bin/env node
/**
 * Throughput on issue 13's hostile inputs (`npm run bench -- hostile`, or `node bench/hostile.js`
 * after a build): every shape of the crash corpus (test/fixtures/hostile/issue-13-crashes.ts,
 * read from its source so the shapes live in one place), in MB of input per second against
 * issue 13's aim of 1 MB/s. Two figures per shape, medians of RUNS: `check --offline` as a user
 * runs it (a fresh process: start-up included, wall clock), and the same work in this process
 * (read, extract, build the report, render it) in CPU time. Asserts nothing.
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
import { median } from './stats.js';

const RUNS = 5;
const AIM = 1;
const CORPUS = new URL('../test/fixtures/hostile/issue-13-crashes.ts', import.meta.url);

/** The crash corpus, its TypeScript source transpiled (it holds types only, no other imports). */
async function loadCorpus() {
  const { outputText } = ts.transpileModule(readFileSync(CORPUS, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const { CRASHES } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
  return CRASHES;
}

/** CPU ms of one in-process pass: what `check --offline` does after start-up. */
function inProcess(text, source, format) {
  const start = process.cpuUsage();
  const posts = parseDocument(Buffer.from(text), { source }).map((post) => extractPost(post));
  const report = buildReport({ posts, results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
  for (const piece of renderPieces(format, report)) void piece;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Runs the hostile-input figures. */
export async function benchHostile() {
  const bin = fileURLToPath(new URL('../bin/citecheck.js', import.meta.url));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-bench-hostile-'));
  try {
    const startup = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      execFileSync(process.execPath, [bin, '--version'], { stdio: 'ignore' });
      startup.push(performance.now() - start);
    }
    console.log(`hostile: start-up (\`--version\`) median ${median(startup).toFixed(0)} ms, in every CLI figure below`);
    for (const c of await loadCorpus()) {
      const text = c.build();
      const format = c.format ?? 'json';
      const file = path.join(dir, `${c.name}.${c.ext}`);
      writeFileSync(file, text);
      const mb = Buffer.byteLength(text) / 1e6;
      const cli = [];
      let status = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        // Exit 1 (findings at --fail-on) is a finished run too; the status is printed.
        status = spawnSync(process.execPath, [bin, 'check', '--offline', '--format', format, file], {
          stdio: 'ignore',
        }).status;
        cli.push((performance.now() - start) / 1000);
      }
      // One untimed pass first: the first shapes would otherwise pay for compiling the code.
      inProcess(text, file, format);
      const cpu = [];
      for (let run = 0; run < RUNS; run++) cpu.push(inProcess(text, file, format) / 1000);
      const cliRate = mb / median(cli);
      const cpuRate = mb / median(cpu);
      console.log(
        `hostile: ${c.name} (${mb.toFixed(2)} MB): \`check --offline\` (exit ${status}) median ${median(cli).toFixed(2)} s, ${cliRate.toFixed(2)} MB/s; in-process ${(median(cpu) * 1000).toFixed(0)} ms CPU, ${cpuRate.toFixed(2)} MB/s; aim ${AIM} MB/s: ${cpuRate >= AIM ? 'meets' : 'misses'} in-process, ${cliRate >= AIM ? 'meets' : 'misses'} through the CLI`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchHostile();
