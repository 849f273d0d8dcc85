#!/usr/bin/env node
// `npm run gen`: writes what is generated from the option table (src/config/option-table.ts):
// the published JSON Schema of the config file and the option table of README.md. Tests fail
// when either committed copy is stale.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConfigSchema, formatJson } from '../dist/config/schema.js';
import { renderOptionsMarkdown, withOptionsTable } from '../dist/config/options-markdown.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, 'schema', 'citecheck.config.schema.json');
const readmeFile = path.join(root, 'README.md');

await writeFile(schemaFile, formatJson(buildConfigSchema()));
const readme = await readFile(readmeFile, 'utf8');
await writeFile(readmeFile, withOptionsTable(readme, renderOptionsMarkdown()));
console.log(`wrote ${path.relative(root, schemaFile)} and the option table of README.md`);
