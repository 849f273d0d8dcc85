#!/usr/bin/env node
/**
 * WordPress export benchmark (`npm run bench`, or `node bench/wxr.js` after `npx tsc -p .`).
 *
 * Writes a ~100 MB WXR export to a temporary folder (20,000 items of ~5 KB, each with
 * links to 200 made-up hosts, classic and block-editor content, drafts, attachments and
 * comments between them, CDATA sections split around "]]>"), then measures, each in a fresh
 * process so its peak RSS is its own, 3 runs each, medians printed:
 *   - baseline: a process that loads citecheck and reads nothing;
 *   - reader: the WXR stream reader alone (posts counted, then dropped);
 *   - extract: `citecheck extract`'s pipeline (read, extract each post as read, build the
 *     offline report; the JSON is not serialised), which keeps every post's extraction;
 *   - cli-extract: `citecheck extract` run as a user runs it, its JSON streamed to /dev/null;
 *   - reader on a file half the size, to show the reader's memory does not grow with the file.
 * Prints figures, asserts nothing, deletes its file.
 */
import { fork, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, prng } from './stats.js';

const SELF = fileURLToPath(import.meta.url);
const POSTS = 20_000;
const HOSTS = 200;
const RUNS = 3;

const WORDS =
  'the council budget report minister harbour said according to officials data survey growth rate city residents plan project vote would could market energy prices analysts expect government announced statement court ruling decision'.split(
    ' ',
  );

/** One paragraph with two links and a figure. */
function paragraph(rand, i) {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const words = Array.from({ length: 60 }, pick);
  const host = (n) => `https://source-${n % HOSTS}.example.org`;
  words[10] = `<a href="${host(i)}/story/${Math.floor(rand() * 500)}">${words[10]}</a>`;
  words[40] = `<a href="${host(i * 7 + 3)}/data/${Math.floor(rand() * 500)}">${words[40]}</a>`;
  words[25] = `${Math.floor(rand() * 100)}%`;
  return `${words.join(' ')}.`;
}

/** The content of post `i`: classic (blank-line paragraphs) or block editor. */
function content(rand, i) {
  const paragraphs = Array.from({ length: 9 }, (_, n) => paragraph(rand, i + n));
  if (i % 3 === 0)
    return paragraphs.map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`).join('\n\n');
  // A literal "]]>" in the text is written as two CDATA sections, as WordPress does.
  return `${paragraphs.join('\n\n')}\n\nMarkup example: a]]]]><![CDATA[>b`;
}

function item(rand, i) {
  const type = i % 10 === 9 ? 'attachment' : 'post';
  const status = type === 'attachment' ? 'inherit' : i % 20 === 4 ? 'draft' : 'publish';
  const day = String((i % 28) + 1).padStart(2, '0');
  const comment =
    i % 5 === 0
      ? `<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_content><![CDATA[Nice <a href="https://spam.example.com/">post</a>]]></wp:comment_content></wp:comment>`
      : '';
  return `	<item>
		<title><![CDATA[Post ${i} &amp; its sources]]></title>
		<link>https://blog.example.org/2024/01/post-${i}/</link>
		<guid isPermaLink="false">https://blog.example.org/?p=${i}</guid>
		<content:encoded><![CDATA[${content(rand, i)}]]></content:encoded>
		<wp:post_id>${i}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-01-${day} 10:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[post-${i}]]></wp:post_name>
		<wp:status><![CDATA[${status}]]></wp:status>
		<wp:post_type><![CDATA[${type}]]></wp:post_type>
		${comment}
	</item>
`;
}

/** Writes the export with `posts` items, streamed; returns its size in bytes. */
export async function writeExport(file, posts) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((r) => out.once('drain', r)));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench blog</title>
	<wp:wxr_version>1.2</wp:wxr_version>
`);
  const rand = prng(42);
  for (let i = 1; i <= posts; i++) await write(item(rand, i));
  await write('</channel>\n</rss>\n');
  await new Promise((resolve) => out.end(resolve));
  return (await stat(file)).size;
}

// ---------------------------------------------------------------------------------------
// Child: one measurement
// ---------------------------------------------------------------------------------------

async function measure(mode, file) {
  const { readInputs } = await import('../dist/sources/index.js');
  const { runExtract } = await import('../dist/run.js');
  const { DEFAULTS } = await import('../dist/config/defaults.js');
  const started = performance.now();
  let posts = 0;
  let citations = 0;
  if (mode === 'reader') {
    for await (const _post of readInputs([file])) posts += 1;
  } else if (mode === 'extract') {
    const report = await runExtract([file], { ...DEFAULTS, checkQuotes: false });
    posts = report.totals.posts;
    citations = report.totals.citations;
  }
  if (mode === 'cli-extract') {
    // `citecheck extract` as a user runs it (its own process, its JSON streamed to /dev/null).
    const rssFile = path.join(path.dirname(file), 'cli-rss.json');
    const cli = path.join(path.dirname(SELF), '..', 'bin', 'citecheck.js');
    const probe = path.join(path.dirname(SELF), 'rss-probe.js');
    const child = spawn(process.execPath, ['--import', probe, cli, 'extract', file, '--no-config'], {
      env: { ...process.env, CITECHECK_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const usage = JSON.parse(await readFile(rssFile, 'utf8'));
    process.send({ ms: performance.now() - started, posts: 0, citations: 0, maxRssMb: usage.maxRssKb / 1024 });
    process.exit(0);
  }
  const ms = performance.now() - started;
  process.send({ ms, posts, citations, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  process.exit(0);
}

function runChild(mode, file) {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ['--child', mode, file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} exited ${code}`))));
  });
}

async function medianOf(mode, file) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runChild(mode, file));
  return {
    ms: median(runs.map((r) => r.ms)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
    posts: runs[0].posts,
    citations: runs[0].citations,
  };
}

export async function benchWxr() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'citecheck-wxr-bench-'));
  try {
    const big = path.join(dir, 'big.WordPress.xml');
    const half = path.join(dir, 'half.WordPress.xml');
    const bytes = await writeExport(big, POSTS);
    const halfBytes = await writeExport(half, POSTS / 2);
    const mb = bytes / 1024 / 1024;
    console.log(`\nWordPress export (WXR): ${mb.toFixed(1)} MB, ${POSTS} items (medians of ${RUNS} fresh processes)`);
    const base = await medianOf('baseline', big);
    const reader = await medianOf('reader', big);
    const readerHalf = await medianOf('reader', half);
    const extract = await medianOf('extract', big);
    const cliExtract = await medianOf('cli-extract', big);
    console.log(`  baseline process (citecheck loaded, nothing read): peak RSS ${base.maxRssMb.toFixed(0)} MB`);
    console.log(
      `  stream reader alone: ${reader.posts} posts in ${(reader.ms / 1000).toFixed(2)} s (${(mb / (reader.ms / 1000)).toFixed(1)} MB/s), peak RSS ${reader.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  stream reader on half the file (${(halfBytes / 1024 / 1024).toFixed(1)} MB): peak RSS ${readerHalf.maxRssMb.toFixed(0)} MB (full/half: ${(reader.maxRssMb / readerHalf.maxRssMb).toFixed(2)}x)`,
    );
    console.log(
      `  extract pipeline (read + extract each post + offline report): ${extract.posts} posts, ${extract.citations} citations in ${(extract.ms / 1000).toFixed(2)} s, peak RSS ${extract.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  citecheck extract (the CLI, JSON to /dev/null): ${(cliExtract.ms / 1000).toFixed(2)} s, peak RSS ${cliExtract.maxRssMb.toFixed(0)} MB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await measure(process.argv[3], process.argv[4]);
else if (process.argv[1] === SELF) await benchWxr();
