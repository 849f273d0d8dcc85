#!/usr/bin/env node
// `npm run bench`: extraction throughput, then the checking engine against local hosts.
// Prints measured figures (medians of repeated runs); asserts nothing.
import { benchExtract, benchHtml } from './extract.js';
import { benchCheck } from './check.js';

const only = process.argv[2];
if (!only || only === 'extract') {
  await benchExtract();
  await benchHtml();
}
if (!only || only === 'check') await benchCheck();
