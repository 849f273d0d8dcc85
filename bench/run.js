#!/usr/bin/env node
// `npm run bench`: extraction throughput, the checking engine against local hosts, then
// citecheck and linkinator@6 side by side (`npm run bench -- versus` for one part).
// Prints measured figures (medians of repeated runs); asserts nothing.
import { benchExtract } from './extract.js';
import { benchCheck } from './check.js';
import { benchVersus } from './versus.js';

const only = process.argv[2];
if (!only || only === 'extract') await benchExtract();
if (!only || only === 'check') await benchCheck();
if (!only || only === 'versus') await benchVersus();
