#!/usr/bin/env node
/**
 * The second step of `npm run build`, after tsc: bundles the CLI (dist/cli/bin.js, what it
 * imports and the packages those import) into dist/cli.bundle.js and its chunks
 * (dist/bundle-*.js), which bin/citecheck.js loads. Node resolved, read, linked and evaluated
 * ~190 ES modules one by one for a `check` run, ~13% of the CPU of `check --offline` on a
 * 2,000-link page. Code splitting keeps what is loaded with import() in chunks of its own, so
 * `--version` still loads only commander and the option table, and an offline run no HTTP
 * client. The library (dist/index.js) stays tsc's output, one file per module.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

// Chunk names carry a hash of their content: an earlier build's chunks would stay beside the new ones.
for (const name of readdirSync(DIST)) if (/^(bundle-.*|cli\.bundle)\.js$/.test(name)) rmSync(path.join(DIST, name));

await build({
  entryPoints: { 'cli.bundle': path.join(DIST, 'cli', 'bin.js') },
  outdir: DIST,
  // In dist/ itself, where version.js is: modules find ../package.json as they do unbundled.
  chunkNames: 'bundle-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded on first use by the runs that need them (undici by a path of its own, with require):
  // bundled, they would only add to the package's size.
  external: ['undici', 'cheerio', 'ajv'],
  // The CommonJS packages bundled (commander, picomatch…) require Node's modules.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  // Whitespace and syntax only: names stay as written, so a crash's stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
