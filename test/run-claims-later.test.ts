/**
 * A run checks a post's links before it analyses the post's claims (run.ts: the claims are
 * analysed while the first requests are in flight). The report must be the one the pipeline
 * gives in one pass: extractPost, then checkTargets, then buildReport.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../src/check/index.js';
import { extractOptions, extractPost } from '../src/extract/index.js';
import { collectTargets } from '../src/links/targets.js';
import { buildReport } from '../src/report/build.js';
import { runCheck } from '../src/run.js';
import { readInputs } from '../src/sources/index.js';
import type { ExtractedPost, Report } from '../src/types.js';
import { testOptions } from './helpers/options.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { tempDir } from './helpers/temp-dir.js';

let server: TestServer;
let files: string[];

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.72' });
  const dir = await tempDir('citecheck-claims-later-');
  const u = (p: string) => server.url(p);
  const first = [
    '<!doctype html><html><head><title>Harbour</title></head><body><article>',
    `<p>The gauge recorded a surge of 1.9 metres on 3 March.<sup><a href="#fn1">1</a></sup></p>`,
    `<p>"We have never seen water this high," the harbour master said, <a href="${u('/fragments')}#present">in a statement</a>.</p>`,
    '<blockquote>The sea wall will not hold another winter.</blockquote>',
    `<p>Officials said the repairs would cost 4 million euros (<a href="${u('/fragments')}#gone">estimate</a>).</p>`,
    `<p>Source: <a href="${u('/ok')}">harbour radio</a></p>`,
    `<p>Costs rose by 12% last year.</p>`,
    `<ol class="footnotes"><li id="fn1">Port log, <a href="${u('/status/404')}">3 March entry</a>.</li></ol>`,
    `<p>Full document: <a href="${u('/status/500')}">the harbour board's report</a></p>`,
    '</article></body></html>',
  ].join('\n');
  const second = [
    '# Tides',
    '',
    'Sea levels rose by 4 millimetres a year, the network said.[^trend]',
    '',
    `> "The trend is clear," [the survey](${u('/ok')}) concluded.`,
    '',
    `[^trend]: National tide network, [annual summary](${u('/fragments')}#named).`,
    '',
  ].join('\n');
  files = [path.join(dir, 'harbour.html'), path.join(dir, 'tides.md')];
  await writeFile(files[0], first);
  await writeFile(files[1], second);
});
afterAll(async () => {
  await server.close();
});

/** The report with its clock readings blanked. */
function timeless(report: Report): Report {
  return { ...report, startedAt: '', durationMs: 0 };
}

describe('claims analysed while the links are checked', () => {
  it('gives the report of the one-pass pipeline, credits and all', async () => {
    // No archive stage: the one-pass pipeline below has none (loopback links would be `not-asked`).
    const options = testOptions({ checkFragments: true, checkQuotes: true, retries: 0, archive: 'never' });
    const report = await runCheck(files, options);

    const posts: ExtractedPost[] = [];
    for await (const post of readInputs(files)) posts.push(extractPost(post, extractOptions(options)));
    const run = await checkTargets(collectTargets(posts), options);
    const expected = buildReport({
      posts,
      results: run.results,
      hosts: run.hosts,
      startedAt: new Date(),
      durationMs: 0,
    });

    expect(JSON.stringify(timeless(report))).toBe(JSON.stringify(timeless(expected)));
    // Not a vacuous equality: both posts' claims were analysed, footnotes and source lines credited.
    const blocks = report.posts.flatMap((p) => p.blocks);
    expect(blocks.filter((b) => b.isClaim).length).toBeGreaterThan(3);
    expect(blocks.some((b) => b.credits !== undefined)).toBe(true);
    expect(blocks.flatMap((b) => b.citations).some((c) => c.via !== undefined)).toBe(true);
    expect(report.posts.map((p) => p.blocks.some((b) => b.signals.length > 0))).toEqual([true, true]);
    expect(report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['LINK_BROKEN', 'FRAGMENT_MISSING']));
  });
});
