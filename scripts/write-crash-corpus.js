#!/usr/bin/env node
/**
 * Writes issue 13's crash corpus (test/fixtures/hostile/issue-13-crashes.ts) out as files, one
 * per case (`<name>.<ext>`), into the folder given: to reproduce a case by hand or try it with
 * another tool. `node scripts/write-crash-corpus.js DIR` (needs the dev dependencies: it
 * transpiles the corpus's TypeScript source with typescript, as bench/hostile.js does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/write-crash-corpus.js DIR');
  process.exit(2);
}
const source = readFileSync(new URL('../test/fixtures/hostile/issue-13-crashes.ts', import.meta.url), 'utf8');
const { outputText } = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
});
const { CRASHES } = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
mkdirSync(dir, { recursive: true });
for (const c of CRASHES) {
  const file = path.join(dir, `${c.name}.${c.ext}`);
  writeFileSync(file, c.build());
  console.log(`${file}  (before: ${c.before})`);
}
