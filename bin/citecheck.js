#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runBundle, tuneV8 } from '../dist/cli/launch.js';

// V8's flags first (the code cache is only accepted under the flags it was made with), then the
// bundle `npm run build` makes (scripts/bundle.js), which starts faster; tsc's output alone
// still runs. CITECHECK_WRITE_CODE_CACHE is the build's training run (scripts/bundle.js).
const training = process.env.CITECHECK_WRITE_CODE_CACHE === '1';
tuneV8({ keepBudget: training });
if (!runBundle(fileURLToPath(new URL('../dist/', import.meta.url)), { writeCache: training }))
  await import('../dist/cli/bin.js');
