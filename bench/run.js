#!/usr/bin/env node
// `npm run bench`: extraction throughput, then the checking engine against local hosts, then
// the cost of archive lookups.
// Prints measured figures (medians of repeated runs); asserts nothing.
import { benchExtract } from './extract.js';
import { benchCheck } from './check.js';
import { benchArchive } from './archive.js';

const only = process.argv[2];
if (!only || only === 'extract') await benchExtract();
if (!only || only === 'check') await benchCheck();
if (!only || only === 'archive') await benchArchive();
