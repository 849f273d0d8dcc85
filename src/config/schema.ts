import { objectSchema, SCHEMA_DEFINITIONS, type JsonSchema } from './option-kinds.js';
import { OPTION_TABLE } from './option-table.js';

/** Where the published schema is found (its `$id`). */
const SCHEMA_ID = 'https://citecheck.dev/schema/citecheck.config.schema.json';

/**
 * The JSON Schema of the config file, generated from the option table. `npm run gen` writes
 * it to schema/citecheck.config.schema.json (published, for editors); the config loader
 * validates against this same object.
 */
export function buildConfigSchema(): JsonSchema {
  const { properties, ...object } = objectSchema(OPTION_TABLE);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'citecheck configuration',
    description:
      'citecheck.config.json, or the "citecheck" key of package.json. Command-line flags override these values. ' +
      'Generated from src/config/option-table.ts by `npm run gen`.',
    ...object,
    definitions: SCHEMA_DEFINITIONS,
    properties,
  };
}

/** One line, spaced the way a person writes it: `{ "type": "integer", "minimum": 0 }`. */
function oneLine(node: unknown): string {
  if (Array.isArray(node)) return `[${node.map(oneLine).join(', ')}]`;
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node).map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(node);
}

/**
 * JSON with two-space indents, except that an object or array whose one-line form fits in
 * `width` columns stays on one line: the generated file reads like a hand-written one.
 */
export function formatJson(value: unknown, width = 120): string {
  const write = (node: unknown, indent: string, prefix: string): string => {
    const flat = `${indent}${prefix}${oneLine(node)}`;
    if (node === null || typeof node !== 'object' || flat.length <= width) return flat;
    const inner = `${indent}  `;
    const items = Array.isArray(node)
      ? node.map((item) => write(item, inner, ''))
      : Object.entries(node).map(([key, item]) => write(item, inner, `${JSON.stringify(key)}: `));
    const [open, close] = Array.isArray(node) ? ['[', ']'] : ['{', '}'];
    return `${indent}${prefix}${open}\n${items.join(',\n')}\n${indent}${close}`;
  };
  return `${write(value, '', '')}\n`;
}
