import type { Report } from '../types.js';
import { renderHtml, renderHtmlChunks } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RenderOptions } from './render-options.js';
import { renderSarif, renderSarifChunks } from './sarif.js';
import { renderTerminal, renderTerminalChunks } from './terminal.js';
import { FORMAT_EXTENSIONS, type FormatName } from './extensions.js';

export type { RenderOptions } from './render-options.js';

export type { FormatName } from './extensions.js';

/** A pure renderer of the Report, with the file extension of its output. */
export interface Formatter {
  /** File extension without the dot, for the default `reports/citecheck.<ext>` path. */
  extension: string;
  /** Renders the report; never prints, never throws for report content. */
  render(report: Report, options?: RenderOptions): string;
  /** The same text in pieces, for formats whose output grows with the input (written without holding it whole). */
  renderChunks?(report: Report, options?: RenderOptions): Iterable<string>;
}

/** The rendered text of a format, in pieces when the format has them. */
export function renderPieces(format: FormatName, report: Report, options?: RenderOptions): Iterable<string> {
  const formatter = FORMATTERS[format];
  return formatter.renderChunks ? formatter.renderChunks(report, options) : [formatter.render(report, options)];
}

/** The registry of formats; the CLI takes its choices from these keys. */
export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = Object.freeze({
  terminal: {
    extension: FORMAT_EXTENSIONS.terminal,
    render: (report: Report, options?: RenderOptions) => renderTerminal(report, options),
    renderChunks: (report: Report, options?: RenderOptions) => renderTerminalChunks(report, options),
  },
  json: {
    extension: FORMAT_EXTENSIONS.json,
    render: (report: Report) => renderJson(report),
    renderChunks: (report: Report) => renderJsonChunks(report),
  },
  markdown: { extension: FORMAT_EXTENSIONS.markdown, render: (report: Report) => renderMarkdown(report) },
  html: {
    extension: FORMAT_EXTENSIONS.html,
    render: (report: Report) => renderHtml(report),
    renderChunks: (report: Report) => renderHtmlChunks(report),
  },
  junit: { extension: FORMAT_EXTENSIONS.junit, render: (report: Report) => renderJunit(report) },
  sarif: {
    extension: FORMAT_EXTENSIONS.sarif,
    render: (report: Report, options?: RenderOptions) => renderSarif(report, options),
    renderChunks: (report: Report, options?: RenderOptions) => renderSarifChunks(report, options),
  },
});
