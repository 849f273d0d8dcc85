#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The bundle `npm run build` makes (scripts/bundle.js) starts faster; tsc's output alone still runs.
const bundle = new URL('../dist/cli.bundle.js', import.meta.url);
await import(existsSync(bundle) ? bundle.href : '../dist/cli/bin.js');
