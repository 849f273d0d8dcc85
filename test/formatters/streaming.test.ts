import { describe, expect, it } from 'vitest';
import { FORMATTERS, renderPieces, type FormatName } from '../../src/formatters/index.js';
import { archiveReport } from '../fixtures/reports/archive-report.js';
import { mixedReport } from '../fixtures/reports/sample-reports.js';

// V8 puts a string past 128 KB in its large-object space, straight into the old generation:
// the pieces of a streamed report stay under it, whatever the size of the archive.
const LARGE_OBJECT = 128 * 1024;

describe('formatters that stream (renderChunks)', () => {
  const streamed = Object.entries(FORMATTERS).filter(([, f]) => f.renderChunks !== undefined);

  it('json, html, sarif and terminal stream', () => {
    expect(streamed.map(([name]) => name).sort()).toEqual(['html', 'json', 'sarif', 'terminal']);
  });

  it.each(streamed.map(([name]) => name))('%s: the pieces joined are the text, each small', (name) => {
    const formatter = FORMATTERS[name as FormatName];
    for (const report of [mixedReport(), archiveReport(1200), { ...mixedReport(), findings: [] }]) {
      const chunks = [...renderPieces(name as FormatName, report, { cwd: '/work' })];
      const text = chunks.join('');
      expect(text).toBe(formatter.render(report, { cwd: '/work' }));
      if (report.posts.length > 100) {
        expect(chunks.length).toBeGreaterThan(3);
        for (const chunk of chunks) expect(chunk.length).toBeLessThan(LARGE_OBJECT);
      }
    }
  });

  it('formats without pieces are one piece', () => {
    const report = mixedReport();
    expect([...renderPieces('markdown', report)]).toEqual([FORMATTERS.markdown.render(report)]);
  });
});
