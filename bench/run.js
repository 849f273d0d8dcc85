#!/usr/bin/env node
// `npm run bench`: start-up time, extraction throughput, then the checking engine against
// local hosts. Prints measured figures (medians of repeated runs); asserts nothing.
import { benchExtract } from './extract.js';
import { benchCheck } from './check.js';
import { benchStartup } from './startup.js';

const only = process.argv[2];
if (!only || only === 'startup') benchStartup();
if (!only || only === 'extract') await benchExtract();
if (!only || only === 'check') await benchCheck();
