import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/formatters/terminal.js';
import { buildReport } from '../../src/report/build.js';
import { STARTED_AT, block, citation, post, result, results } from '../fixtures/reports/builders.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';
import { mask } from './mask.js';

const ESC = '\u001b';

describe('terminal formatter', () => {
  it('matches the snapshot for a post with every status', async () => {
    await expect(mask(renderTerminal(mixedReport()))).toMatchFileSnapshot('__snapshots__/mixed.terminal.txt');
  });

  it('says a post that lost every link lost its sources, never "all good"', async () => {
    const out = renderTerminal(seedLikeReport());
    await expect(mask(out)).toMatchFileSnapshot('__snapshots__/seed-like.terminal.txt');
    expect(out).toContain('lost its sources');
    expect(out.match(/\[DAMAGED\]/g)).toHaveLength(8);
    for (const anchor of ['said', 'meeting', 'express', 'are', 'considering', 'is', 'specifies'])
      expect(out).toContain(`"${anchor}"`);
    expect(out).toContain('INPUT_REPAIRED');
    expect(out).not.toMatch(/all good|✔/i);
    // The heading is summarised, not dropped.
    expect(out).toMatch(/\+ 1 other block .*1 heading/);
  });

  it('cuts a very long title to one short line; the JSON keeps it whole', () => {
    const title = `Budget ${'word '.repeat(3000)}end`;
    const url = 'https://news.example.org/a';
    const report = buildReport({
      posts: [post('long.html', [block(0, { citations: [citation(url)] })], { title })],
      results: results(result(url, 'ok')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const out = renderTerminal(report, { color: false });
    const heading = out.split('\n').find((line) => line.includes('Budget'));
    expect(heading).toBeDefined();
    expect(heading!.length).toBeLessThan(300);
    expect(heading).toContain('…');
    expect(report.posts[0]!.title).toBe(title);
  });

  it('puts failing items first', () => {
    const out = renderTerminal(mixedReport());
    expect(out.indexOf('[BROKEN]')).toBeLessThan(out.indexOf('[OK]'));
    expect(out.indexOf('[SOFT-404]')).toBeLessThan(out.indexOf('[TIMEOUT]'));
    expect(out.indexOf('[TIMEOUT]')).toBeLessThan(out.indexOf('“old page”'));
    expect(out.indexOf('[INVALID]')).toBeLessThan(out.indexOf('[EXCLUDED]'));
  });

  it('shows HTTP code, redirect target, error code and failure history', () => {
    const out = renderTerminal(mixedReport());
    expect(out).toMatch(
      /\[BROKEN\] +“said” https:\/\/gone\.example\.org\/deficit +HTTP 410 · failing since 2025-12-20, 6 checks/,
    );
    expect(out).toMatch(/→ 301 https:\/\/moved\.example\.org\/new/);
    expect(out).toContain('LINK_REDIRECT_PERMANENT');
    expect(out).toContain('FRAGMENT_MISSING');
    expect(out).toMatch(/\[UNREACHABLE\].*DNS_NOT_FOUND/);
    expect(out).toMatch(/\[INVALID\]/);
    expect(out).toMatch(/\[UNCITED\]/);
  });

  it('ends with a summary: statuses, severities, hosts', () => {
    const out = renderTerminal(mixedReport());
    const summary = out.slice(out.indexOf('Summary'));
    expect(summary).toContain('broken 1');
    expect(summary).toContain('ok 2');
    expect(summary).toMatch(/4 errors · 4 warnings · 2 notes/);
    expect(summary).toContain('gone.example.org: 4 requests, 3 retries, 1 backoff');
  });

  it('marks an interrupted run', () => {
    expect(renderTerminal(mixedReport({ interrupted: true }))).toContain('INTERRUPTED');
    expect(renderTerminal(mixedReport())).not.toContain('INTERRUPTED');
  });

  it('has no escape codes without colour, and some with it', () => {
    expect(renderTerminal(mixedReport(), { color: false })).not.toContain(ESC);
    expect(renderTerminal(mixedReport(), { color: true })).toContain(`${ESC}[`);
  });

  it('strips control characters, ANSI and bidi overrides from post text and URLs', () => {
    const out = renderTerminal(hostileReport(), { color: false });
    expect(out).not.toContain(ESC);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('RED evil');
  });
});

describe('terminal formatter: archives', () => {
  it('collapses posts without findings to one line when there are several posts', async () => {
    const { buildReport } = await import('../../src/report/build.js');
    const { STARTED_AT, block, citation, post, result, results } = await import('../fixtures/reports/builders.js');
    const clean = post(
      'posts/clean.json',
      [block(0, { citations: [citation('https://fine.example.org/', { anchorText: 'fine' })] })],
      { title: 'All fine' },
    );
    const bad = post(
      'posts/bad.json',
      [block(0, { citations: [citation('https://gone.example.org/', { anchorText: 'gone' })] })],
      { title: 'Broken one' },
    );
    const report = buildReport({
      posts: [clean, bad],
      results: results(result('https://fine.example.org/', 'ok'), result('https://gone.example.org/', 'broken')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const out = renderTerminal(report);
    expect(out).toContain('━━ Broken one');
    expect(out).not.toContain('━━ All fine');
    expect(out).toMatch(/1 post without findings\n +✔ All fine \(posts\/clean\.json\) · 1 citation, no findings/);
    expect(out).not.toContain('[OK]');
    // A single clean post is shown in full: the pairing of claims and sources is the point.
    const single = buildReport({
      posts: [clean],
      results: results(result('https://fine.example.org/', 'ok')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(renderTerminal(single)).toContain('[OK]');
    expect(renderTerminal(single)).toMatch(/✔ The one checked URL answered without errors\./);
  });
});

describe('human formats when nothing was really checked', () => {
  it('never calls a run whose links were all excluded "without errors"; says why and how', async () => {
    const { buildReport } = await import('../../src/report/build.js');
    const { renderMarkdown } = await import('../../src/formatters/markdown.js');
    const { renderHtml } = await import('../../src/formatters/html.js');
    const { STARTED_AT, block, citation, post, result, results } = await import('../fixtures/reports/builders.js');
    const urls = ['https://intranet.example.org/a', 'https://intranet.example.org/b'];
    const p = post('posts/inside.md', [
      block(0, { citations: [...urls.map((u) => citation(u)), citation('mailto:desk@news.example.org')] }),
    ]);
    const report = buildReport({
      posts: [p],
      results: results(...urls.map((u) => result(u, 'excluded'))),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const sentence =
      'No link was checked: 2 URLs excluded (2 by the private-address policy: --allow-private checks them), 1 skipped.';
    const terminal = renderTerminal(report);
    expect(terminal).not.toMatch(/without errors/);
    expect(terminal).toContain(`⚠ ${sentence}`);
    expect(renderMarkdown(report)).toContain(
      '> No link was checked: 2 URLs excluded (2 by the private-address policy: --allow-private checks them), 1 skipped.',
    );
    expect(renderHtml(report)).toContain(`<p class="banner warn" role="alert">${sentence}</p>`);

    // One link really checked: the summary counts it alone and names what was left out.
    const mixed = buildReport({
      posts: [
        post('posts/mixed.md', [block(0, { citations: [citation('https://fine.example.org/'), citation(urls[0])] })]),
      ],
      results: results(result('https://fine.example.org/', 'ok'), result(urls[0], 'excluded')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(renderTerminal(mixed)).toContain('✔ The one checked URL answered without errors (1 excluded).');
    expect(renderTerminal(mixed)).not.toContain('No link was checked');
  });

  it('offline with every link excluded: no "All 0 checked URLs answered without errors"', () => {
    const report = buildReport({
      posts: [post('posts/o.md', [block(0, { citations: [citation('https://example.org/a')] })])],
      results: results(result('https://example.org/a', 'excluded')),
      startedAt: STARTED_AT,
      durationMs: 1,
      offline: true,
    });
    const out = renderTerminal(report);
    expect(out).not.toMatch(/without errors/);
    expect(out).toContain('No link was checked (1 excluded).');
  });
});

describe('terminal formatter on a large post', () => {
  it('renders one post of 45,000 cited paragraphs (it overflowed the stack with a RangeError)', () => {
    const blocks = Array.from({ length: 45_000 }, (_, i) =>
      block(i, {
        text: `Paragraph ${i} says 42% according to the source.`,
        signals: ['citation', 'number'],
        citations: [citation(`https://news.example.org/p/${i}`, { anchorText: 'the source' })],
      }),
    );
    const report = buildReport({
      posts: [post('big.md', blocks)],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const out = renderTerminal(report);
    expect(out).toContain('https://news.example.org/p/44999');
    expect(out).toContain('45000 citations');
  });
});
