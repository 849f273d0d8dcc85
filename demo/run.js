#!/usr/bin/env node
// `npm run demo`: serves the bundled example sources on loopback, checks the bundled example
// posts that cite them with the real CLI, prints the terminal report and writes
// demo.html / demo.md / demo.json. Works with no internet.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSites } from './site.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function parseArgs(argv) {
  const args = { out: path.join(root, 'reports') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
  }
  return args;
}

/** Copies the post templates with the demo sites' real addresses filled in. */
async function writePosts(urls, dir) {
  await mkdir(dir, { recursive: true });
  const files = [];
  for (const name of (await readdir(path.join(here, 'posts'))).sort()) {
    const template = await readFile(path.join(here, 'posts', name), 'utf8');
    const text = template.replace(/\{\{(\w+)\}\}/g, (m, key) => urls[key] ?? m);
    const file = path.join(dir, name);
    await writeFile(file, text);
    files.push(file);
  }
  return files;
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const sites = await startDemoSites();
  try {
    const inputDir = path.join(out, 'demo-input');
    const posts = await writePosts(sites.urls, inputDir);
    const config = path.join(inputDir, 'citecheck.config.json');
    // The paywalled archive is listed but never requested, as a newsroom would configure it.
    await writeFile(
      config,
      JSON.stringify({ hosts: { [new URL(sites.urls.paywall).hostname]: { check: false } } }, null, 2),
    );
    const rel = (p) => path.relative(process.cwd(), p) || '.';
    const cli = [
      path.join(root, 'bin', 'citecheck.js'),
      'check',
      ...posts.map(rel),
      '--config',
      rel(config),
      '--allow-private', // the demo's sources live on loopback addresses, refused by default
      '--timeout',
      '3s',
      '--retries',
      '2',
      '--check-fragments',
      '--fail-on',
      'never',
      '--report',
      `html:${rel(path.join(out, 'demo.html'))}`,
      '--report',
      `markdown:${rel(path.join(out, 'demo.md'))}`,
      '--report',
      `json:${rel(path.join(out, 'demo.json'))}`,
    ];
    process.stderr.write(`citecheck demo: sources served on ${Object.values(sites.urls).join(', ')}\n`);
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, cli, { stdio: 'inherit' });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (code !== 0) {
      process.stderr.write(`citecheck demo: the check exited ${code}\n`);
      process.exitCode = code;
    } else {
      process.stderr.write(`citecheck demo: open ${rel(path.join(out, 'demo.html'))} in a browser\n`);
    }
  } finally {
    await sites.close();
  }
}

await main();
