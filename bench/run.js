#!/usr/bin/env node
// `npm run bench`: start-up time, extraction throughput, the checking engine against local
// hosts, the cost of archive lookups, then reading a 100 MB WordPress export (`npm run bench --
// wxr` for that one alone), then a whole site audit through the CLI (`npm run bench -- site`;
// `-- small` for its 2,000-link run).
// Prints measured figures (medians of repeated runs); asserts nothing.
import { benchExtract, benchHtml } from './extract.js';
import { benchCheck } from './check.js';
import { benchArchive } from './archive.js';
import { benchStartup } from './startup.js';
import { benchWxr } from './wxr.js';
import { benchSite } from './site.js';

const only = process.argv[2];
if (!only || only === 'startup') benchStartup();
if (!only || only === 'extract') {
  await benchExtract();
  await benchHtml();
}
if (!only || only === 'check') await benchCheck();
if (!only || only === 'archive') await benchArchive();
if (!only || only === 'wxr') await benchWxr();
if (!only || only === 'site' || only === 'small') await benchSite(only === 'small' ? 'small' : undefined);
