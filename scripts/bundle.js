#!/usr/bin/env node
/**
 * The second step of `npm run build`, after tsc: bundles the CLI (dist/cli/bin.js, what it
 * imports and the packages those import) into one CommonJS file, dist/cli.bundle.cjs, and makes
 * V8's code cache for it, dist/cli.bundle.cache; bin/citecheck.js runs the bundle with that
 * cache (src/cli/launch.ts). Node resolved, read, linked and evaluated ~190 ES modules one by
 * one for a `check` run (~13% of the CPU of `check --offline` on a 2,000-link page), and then
 * compiled the functions of the bundle's chunks on every start (~10% more); Node 20 has no
 * compile cache for modules, but a script compiled with V8's `cachedData` skips parsing and
 * compiling what the cache holds. Modules loaded with import() stay lazy (esbuild wraps them in
 * functions run on first import), so `--version` still evaluates only commander and the option
 * table. The library (dist/index.js) stays tsc's output, one file per module.
 *
 * The cache holds the functions a training run compiled: `check` of a generated article (and a
 * Markdown note) against a local server, run through bin/citecheck.js as a user runs it, which
 * writes the cache at exit. V8 accepts a cache only under the same V8 version, source and flags; the
 * build checks that it does, and says so if not (the CLI then compiles from source, slower).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { pageHtml } from '../bench/bench-page.js';
import { BUILT_HELP_FILE } from '../dist/cli/early-answers.js';
import { asciiSource } from './ascii-source.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BIN = path.join(ROOT, 'bin', 'citecheck.js');
const LAUNCH = path.join(DIST, 'cli', 'launch.js');

// An earlier build's bundle (and the ES module chunks of builds before this layout) would stay beside the new one.
for (const name of readdirSync(DIST))
  if (/^(bundle-.*\.js|cli\.bundle\.(js|cjs|cache|cache\.tmp)|cli\.(front|launch)\.cjs)$/.test(name))
    rmSync(path.join(DIST, name));
// bin/citecheck.js would print an earlier build's help until this build writes its own.
rmSync(path.join(DIST, BUILT_HELP_FILE), { force: true });

/** What both bundles share: one CommonJS file of the CLI (dist/cli/bin.js and what it imports). */
const common = {
  entryPoints: [path.join(DIST, 'cli', 'bin.js')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded on first use by the runs that need them (undici by a path of its own, with require):
  // bundled, they would only add to the package's size.
  external: ['undici', 'cheerio', 'ajv'],
  // Modules that find files beside them (version.js: ../package.json) or make a require from
  // import.meta.url get the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() of an external package (ajv) becomes require(): the bundle runs as a vm.Script,
  // where import() failed (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING) even given Node's loader.
  supported: { 'dynamic-import': false },
  // Whitespace and syntax only: names stay as written, so a crash's stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [
    {
      // htmlparser2's index also exports its DOM helpers (domhandler, domutils, dom-serializer
      // and the older copy of entities dom-serializer carries): ~2-3 ms of every run's start
      // building their tables, for a parser and a tokenizer, which are all citecheck imports
      // of it (a name imported that this leaves out fails the build).
      name: 'htmlparser2-parser-only',
      setup(bundle) {
        const esm = path.dirname(fileURLToPath(import.meta.resolve('htmlparser2')));
        bundle.onResolve({ filter: /^htmlparser2$/ }, () => ({ path: 'htmlparser2', namespace: 'htmlparser2-parser' }));
        bundle.onLoad({ filter: /.*/, namespace: 'htmlparser2-parser' }, () => ({
          contents: [
            `export { Parser } from ${JSON.stringify(path.join(esm, 'Parser.js'))};`,
            `export { default as Tokenizer } from ${JSON.stringify(path.join(esm, 'Tokenizer.js'))};`,
          ].join('\n'),
          resolveDir: esm,
          loader: 'js',
        }));
      },
    },
    {
      // html-reader.js loads Mozilla Readability with a require of its own (createRequire), on
      // the first HTML page a run reads: left to Node, its two files (~130 KB) were read and
      // compiled on every such run, outside the code cache. Given the bundle's require, esbuild
      // bundles them, still run on first use, and their compiled code is in the cache.
      name: 'bundled-readability',
      setup(bundle) {
        const reader = path.join(DIST, 'sources', 'html-reader.js');
        bundle.onLoad({ filter: /[\\/]html-reader\.js$/ }, ({ path: file }) => {
          if (file !== reader) return undefined;
          const source = readFileSync(file, 'utf8');
          const own = 'const require = createRequire(import.meta.url);';
          if (!source.includes(own)) throw new Error(`bundle: ${file} no longer makes its require as expected`);
          return { contents: source.replace(own, ''), loader: 'js', resolveDir: path.dirname(file) };
        });
      },
    },
    {
      // commander requires node:child_process at load (for executable subcommands, which the
      // CLI has none of), and with it dgram, net and child_process's internals: ~12 ms of
      // `--help`. Here it is required when first used, which no run of ours does.
      name: 'lazy-child-process',
      setup(bundle) {
        bundle.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
          importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`)
            ? { path: 'child_process', namespace: 'lazy-builtin' }
            : undefined,
        );
        bundle.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
          contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
          loader: 'js',
        }));
      },
    },
  ],
};

// In dist/ itself, where version.js is: modules find ../package.json as they do unbundled.
// Written inside CommonJS's module wrapper, so that launch.ts compiles the file's own text:
// wrapping it there made a second string of the whole bundle on every run, which V8 then
// copied flat before compiling (~5 ms of CPU of every run). Compiled as a script (launch.ts),
// the file's value is the wrapper function; required as a module (the front's hand-over),
// `this` is the module's exports and the wrapper runs at once with the module's arguments.
await build({
  ...common,
  banner: {
    js: `(this === globalThis ? (run) => run : (run) => run.apply(this, arguments))(function (exports, require, module, __filename, __dirname) {${common.banner.js}`,
  },
  footer: { js: '\n})' },
  outfile: path.join(DIST, 'cli.bundle.cjs'),
});

// The launcher bin/citecheck.js requires (src/cli/start.ts): CommonJS, so that no run sets up
// Node's ES module loader (~19 ms of CPU). Its import of tsc's bin.js, for a build without a
// bundle, is of a path made at run time, which esbuild leaves as it is.
await build({
  entryPoints: [path.join(DIST, 'cli', 'start.js')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: common.define,
  banner: common.banner,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  outfile: path.join(DIST, 'cli.launch.cjs'),
});
// ASCII, read into a one-byte string (scripts/ascii-source.js): before the cache is made of it.
asciiSource(path.join(DIST, 'cli.bundle.cjs'));

// The front: the same CLI without its commands, which is all `--help` runs (launch.ts, runFront).
// main.js loads each command with import(); here each is a stub that hands the run over to the
// bundle, should commander reach a command after all: the bundle then parses the same arguments
// again and runs (from source: the cache is the bundle's alone), and the stub never settles, so
// the front's main() sets no exit code of its own.
const COMMAND_IMPORT = /import\('(\.\/[\w-]+-command\.js)'\)\)\.(\w+)/g;
const stubs = new Map();
for (const [, specifier, name] of readFileSync(path.join(DIST, 'cli', 'main.js'), 'utf8').matchAll(COMMAND_IMPORT))
  stubs.set(specifier, [...(stubs.get(specifier) ?? []), name]);
if (stubs.size === 0) throw new Error('bundle: main.js loads no command with import(): the front would hold them all');
const HAND_OVER = `const handOver = () => { require('./cli.bundle.cjs'); return new Promise(() => {}); };`;
await build({
  ...common,
  outfile: path.join(DIST, 'cli.front.cjs'),
  plugins: [
    ...common.plugins,
    {
      name: 'command-stubs',
      setup(front) {
        front.onResolve({ filter: /^\.\/cli\.bundle\.cjs$/ }, ({ path: bundle }) => ({ path: bundle, external: true }));
        front.onResolve({ filter: /-command\.js$/ }, ({ path: specifier, importer }) =>
          importer === path.join(DIST, 'cli', 'main.js') && stubs.has(specifier)
            ? { path: specifier, namespace: 'command-stub' }
            : undefined,
        );
        front.onLoad({ filter: /.*/, namespace: 'command-stub' }, ({ path: specifier }) => ({
          contents: `${HAND_OVER}\n${stubs
            .get(specifier)
            .map((name) => `export const ${name} = handOver;`)
            .join('\n')}`,
          resolveDir: DIST,
          loader: 'js',
        }));
      },
    },
  ],
});
asciiSource(path.join(DIST, 'cli.front.cjs'));

// The help of the program, as commander prints it on a stdout that is not a terminal (80
// columns), printed by the front just built: bin/citecheck.js prints this text for a lone
// `--help`, `-h` or `help` there (src/cli/early-answers.ts, builtHelp), instead of commander
// building the whole program, every option of the option table, to print it. Made by each
// build from the program itself, so it is never another text than commander's.
const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (help.status !== 0 || help.stderr !== '' || !help.stdout.startsWith('Usage: citecheck '))
  throw new Error(`bundle: \`citecheck --help\` failed (${help.status}): ${help.stderr}`);
writeFileSync(path.join(DIST, BUILT_HELP_FILE), help.stdout);

// The training run: an article of 200 cited links (some missing, one moved) and a Markdown
// note, checked against a server of this process on 127.0.0.1 (no request leaves the machine),
// so that fetching a page, checking links and writing their report are in the cache. Its
// inputs live in a private temporary directory; the cache goes to dist/.
// A plain run's flags: a V8 flag in the builder's NODE_OPTIONS would make a cache plain runs refuse.
const { NODE_OPTIONS: _builderFlags, ...plainEnv } = process.env;
const { cache: CACHE } = await import(pathToFileURL(LAUNCH).href).then((launch) => launch.bundlePaths(DIST));
try {
  await train();
  // Checked as a run would load it: after the launcher's flags, in a new process.
  const accepted = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs';
       const { tuneV8, compileBundle } = await import(${JSON.stringify(pathToFileURL(LAUNCH).href)});
       tuneV8();
       process.exitCode = compileBundle(${JSON.stringify(path.join(DIST, 'cli.bundle.cjs'))}, readFileSync(${JSON.stringify(CACHE)})).cachedDataRejected ? 1 : 0;`,
    ],
    { env: plainEnv, encoding: 'utf8' },
  );
  if (accepted.status !== 0) throw new Error(`V8 refused the cache it just made ${accepted.stderr}`);
} catch (error) {
  // The CLI runs without a cache (compiled from source, slower): a build that cannot train
  // (no loopback, say) still builds.
  rmSync(CACHE, { force: true });
  console.warn(`bundle: no code cache, the CLI compiles from source: ${error.message}`);
}

/** The training run, which writes the cache at its exit. */
async function train() {
  const server = createServer((req, res) => {
    if (req.url === '/article.html') {
      const links = Array.from({ length: 200 }, (_, i) =>
        i % 20 === 19 ? `${origin}/gone-${i}` : i % 50 === 7 ? `${origin}/moved` : `${origin}/story-${i}?ref=${i}#part`,
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(links));
    } else if (req.url === '/moved') res.writeHead(301, { location: '/story-0' }).end();
    else if (req.url?.startsWith('/story-'))
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Story</title><p id="part">Text.</p>');
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const work = mkdtempSync(path.join(tmpdir(), 'citecheck-build-'));
  try {
    writeFileSync(
      path.join(work, 'note.md'),
      `# Note\n\nThe agency [reported](${origin}/story-1) that cases rose by 4% in 2024.[^1]\n\n[^1]: See [the data](${origin}/gone-1).\n`,
    );
    const args = [BIN, 'check', `${origin}/article.html`, 'note.md', '--allow-private', '--no-config', '--no-progress'];
    args.push('--format', 'json', '--host-concurrency', '8', '--host-interval', '0');
    const child = spawn(process.execPath, args, {
      cwd: work,
      env: { ...plainEnv, CITECHECK_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const status = await new Promise((resolve) => child.once('close', resolve));
    if (status !== 0 && status !== 1) throw new Error(`the training run failed (${status}): ${stderr}`);
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
