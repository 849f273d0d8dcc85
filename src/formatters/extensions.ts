import type { OUTPUT_FORMATS } from '../config/option-table.js';

/** Names of the output formats (CLI `--format` / `--report` choices), declared with the options. */
export type FormatName = (typeof OUTPUT_FORMATS)[number];

/**
 * The file extension of each format's output, without the dot. Apart from the renderers, so
 * the CLI checks `--report FORMAT:PATH` before a run without loading every formatter (they
 * load while the run's first requests are out).
 */
export const FORMAT_EXTENSIONS: Readonly<Record<FormatName, string>> = Object.freeze({
  terminal: 'txt',
  json: 'json',
  markdown: 'md',
  html: 'html',
  junit: 'xml',
  sarif: 'sarif',
});
