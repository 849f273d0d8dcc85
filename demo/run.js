#!/usr/bin/env node
// `npm run demo`: serves the bundled example sources on loopback, and a Wayback-compatible
// archive of some of them, checks the bundled example posts that cite them with the real CLI,
// prints the terminal report and writes demo.html / demo.md / demo.json; then runs
// `citecheck fix` on one post and prints (and writes demo.diff) the diff. Works with no internet.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSites } from './site.js';
import { startWayback } from './wayback.js';

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

const page = (title, body) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** What the demo archive holds: captures of some sources, from before (and after) the posts. */
function captures(u) {
  return [
    // Gone since (410): the capture from 2019 is the statement the post cites.
    {
      url: `${u.news}/press/2019/mayor-statement`,
      timestamp: '20190612093000',
      body: page('Mayor statement', '<p>The mayor promised to freeze fares through 2027.</p>'),
    },
    // Live, but changed: the capture before the post still has the quoted promise.
    {
      url: `${u.news}/reports/fare-policy`,
      timestamp: '20260120080000',
      body: page('Fare policy', '<p>The fare freeze will stay in place through 2027, the committee decided.</p>'),
    },
    {
      url: `${u.news}/reports/fare-policy`,
      timestamp: '20260320080000',
      body: page('Fare policy', '<p>The fare freeze will be reviewed in 2027, once the budget is settled.</p>'),
    },
    // The dead open-data portal and the soft 404 have captures; the bridge inspection has none.
    { url: `${u.dead}/datasets/budget`, timestamp: '20251201120000' },
    { url: `${u.news}/stories/ferry-contract`, timestamp: '20250415000000' },
    {
      url: `${u.news}/reports/harbour-survey`,
      timestamp: '20260115000000',
      body: page('Harbour survey', '<p>Sediment levels near the marina were above the limit.</p>'),
    },
  ];
}

/** Runs the CLI (output inherited, or captured with `capture`); returns its exit code and output. */
function runCli(args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (c, signal) => resolve({ code: c ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const sites = await startDemoSites();
  const archive = await startWayback({ captures: captures(sites.urls) });
  try {
    const inputDir = path.join(out, 'demo-input');
    const posts = await writePosts(sites.urls, inputDir);
    const config = path.join(inputDir, 'citecheck.config.json');
    // The paywalled archive is listed but never requested, as a newsroom would configure it.
    // The local archive answers at once: 200 ms between requests instead of the 1 s the
    // Internet Archive gets by default.
    await writeFile(
      config,
      JSON.stringify(
        {
          hosts: {
            [new URL(sites.urls.paywall).hostname]: { check: false },
            [new URL(archive.endpoint).host]: { interval: '200ms' },
          },
        },
        null,
        2,
      ),
    );
    const rel = (p) => path.relative(process.cwd(), p) || '.';
    const common = [
      '--config',
      rel(config),
      '--allow-private', // the demo's sources live on loopback addresses, refused by default
      '--archive-endpoint', // the demo's own archive, never the Internet Archive
      archive.endpoint,
      '--timeout',
      '3s',
      '--retries',
      '2',
    ];
    const cli = [
      path.join(root, 'bin', 'citecheck.js'),
      'check',
      ...posts.map(rel),
      ...common,
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
    process.stderr.write(
      `citecheck demo: sources served on ${Object.values(sites.urls).join(', ')}; archive on ${archive.endpoint}\n`,
    );
    const { code } = await runCli(cli);
    if (code !== 0) {
      process.stderr.write(`citecheck demo: the check exited ${code}\n`);
      process.exitCode = code;
      return;
    }
    process.stderr.write(`citecheck demo: open ${rel(path.join(out, 'demo.html'))} in a browser\n`);

    // What `citecheck fix` would change in the follow-up post: the moved source gets its new
    // URL, the dead one its archived copy.
    const followUp = posts.find((p) => p.endsWith('harbour-followup.md'));
    const fixed = await runCli([path.join(root, 'bin', 'citecheck.js'), 'fix', rel(followUp), ...common], {
      capture: true,
    });
    process.stdout.write(`\n$ citecheck fix ${rel(followUp)}\n${fixed.stdout}`);
    process.stderr.write(fixed.stderr);
    await writeFile(path.join(out, 'demo.diff'), fixed.stdout);
    if (fixed.code !== 0) {
      process.stderr.write(`citecheck demo: fix exited ${fixed.code}\n`);
      process.exitCode = fixed.code;
    }
  } finally {
    await sites.close();
    await archive.close();
  }
}

await main();
