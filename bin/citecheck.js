#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): an ES module entry made Node set up its ES module loader before
// anything of ours ran (~19 ms of CPU of every run). The launcher is src/cli/start.ts, which
// the build bundles into one CommonJS file beside the CLI's bundle; tsc's output of it, an
// ES module, runs when the build made no such file.
const { existsSync } = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const dist = path.join(__dirname, '..', 'dist');
const launcher = path.join(dist, 'cli.launch.cjs');
if (existsSync(launcher)) require(launcher).start(args, dist);
else import('../dist/cli/start.js').then(({ start }) => start(args, dist));
