#!/usr/bin/env node
// `npm run bench`: start-up time, extraction throughput, MB/s on issue 13's hostile inputs, the
// checking engine against local hosts, citecheck and linkinator@6 side by side, the cost of
// archive lookups, the precision/recall of claim flags on labelled paragraphs, reading a 100 MB
// WordPress export, then a whole site audit through the CLI (`npm run bench -- versus`,
// `-- hostile`, `-- claims`, `-- wxr`, `-- site`… for one part alone; `-- small` for the site
// audit's 2,000-link run; `-- eval-html` for issue 8's HTML citation figures on corpora on disk;
// `-- mem` for peak memory on 18-50 MB inputs, bench/mem.js).
// Prints measured figures (medians of repeated runs); asserts nothing.
import { benchExtract, benchHtml } from './extract.js';
import { benchHostile } from './hostile.js';
import { benchCheck } from './check.js';
import { benchArchive } from './archive.js';
import { benchClaims } from './claims.js';
import { benchStartup } from './startup.js';
import { benchVersus } from './versus.js';
import { benchWxr } from './wxr.js';
import { benchSite } from './site.js';
import { benchEvalHtml } from './eval-sets.js';
import { benchMem } from './mem.js';

const only = process.argv[2];
if (!only || only === 'startup') benchStartup();
if (!only || only === 'extract') {
  await benchExtract();
  await benchHtml();
}
if (!only || only === 'hostile') await benchHostile();
if (!only || only === 'check') await benchCheck();
if (!only || only === 'versus') await benchVersus();
if (!only || only === 'claims') benchClaims();
if (!only || only === 'archive') await benchArchive();
if (!only || only === 'wxr') await benchWxr();
// Needs corpora outside the repository (see eval-sets.js): only when asked for.
if (only === 'eval-html') benchEvalHtml();
// Peak memory of `check --offline` on 18-50 MB inputs: minutes, only when asked.
if (only === 'mem') await benchMem();
if (!only || only === 'site' || only === 'small') await benchSite(only === 'small' ? 'small' : undefined);
