import { describe, expect, it } from 'vitest';
import { buildReport, exitCodeForReport } from '../../src/report/build.js';
import { FINDING_CODES } from '../../src/report/codes.js';
import { LINK_STATUSES, type FindingCode, type LinkStatus } from '../../src/types.js';
import { STARTED_AT, block, citation, damaged, hop, post, result, results } from '../fixtures/reports/builders.js';
import { mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';

function reportFor(status: LinkStatus, over: Parameters<typeof result>[2] = {}) {
  const url = 'https://a.example.org/page';
  return buildReport({
    posts: [post('p.json', [block(0, { citations: [citation(url)], line: 4 })])],
    results: results(result(url, status, over)),
    startedAt: STARTED_AT,
    durationMs: 1,
  });
}

describe('buildReport: statuses become findings', () => {
  const cases: Array<[LinkStatus, FindingCode | undefined]> = [
    ['broken', 'LINK_BROKEN'],
    ['unreachable', 'LINK_UNREACHABLE'],
    ['soft-404', 'LINK_SOFT_404'],
    ['timeout', 'LINK_TIMEOUT'],
    ['blocked', 'LINK_BLOCKED'],
    ['ok', undefined],
    ['excluded', undefined],
    ['skipped', undefined],
    ['unchecked', undefined],
  ];
  it.each(cases)('%s → %s', (status, code) => {
    const report = reportFor(status);
    expect(report.posts[0].blocks[0].citations[0].status).toBe(status);
    expect(report.findings.map((f) => f.code)).toEqual(code ? [code] : []);
    if (code) {
      const f = report.findings[0];
      expect(f.severity).toBe(FINDING_CODES[code].severity);
      expect(f).toMatchObject({ post: 0, block: 0, url: 'https://a.example.org/page', line: 4, source: 'p.json' });
      expect(f.message).toContain('https://a.example.org/page');
    }
  });

  it('errors for broken/unreachable/soft-404, warnings for timeout/blocked', () => {
    expect(reportFor('broken').findings[0].severity).toBe('error');
    expect(reportFor('unreachable').findings[0].severity).toBe('error');
    expect(reportFor('soft-404').findings[0].severity).toBe('error');
    expect(reportFor('timeout').findings[0].severity).toBe('warning');
    expect(reportFor('blocked').findings[0].severity).toBe('warning');
  });

  it('copies the verdict fields of the check result onto the citation', () => {
    const history = {
      firstCheckedAt: '2025-01-01T00:00:00.000Z',
      failingSince: '2025-02-01T00:00:00.000Z',
      checks: 4,
      failures: 2,
    };
    const c = reportFor('broken', { httpStatus: 410, reason: 'gone', history }).posts[0].blocks[0].citations[0];
    expect(c).toMatchObject({ status: 'broken', httpStatus: 410, errorCode: 'HTTP_ERROR', reason: 'gone', history });
  });

  it('raises LINK_REDIRECT_PERMANENT only for ok chains with a 301/308 hop', () => {
    const url = 'https://a.example.org/page';
    const moved = reportFor('ok', {
      redirects: [hop(url, 308, 'https://b.example.org/new')],
      finalUrl: 'https://b.example.org/new',
    });
    expect(moved.findings.map((f) => [f.code, f.severity, f.args.newUrl])).toEqual([
      ['LINK_REDIRECT_PERMANENT', 'warning', 'https://b.example.org/new'],
    ]);
    const temporary = reportFor('ok', {
      redirects: [hop(url, 302, 'https://b.example.org/new')],
      finalUrl: 'https://b.example.org/new',
    });
    expect(temporary.findings).toEqual([]);
    const brokenAfterMove = reportFor('broken', { redirects: [hop(url, 301, 'https://b.example.org/new')] });
    expect(brokenAfterMove.findings.map((f) => f.code)).toEqual(['LINK_BROKEN']);
  });

  it('raises FRAGMENT_MISSING only when the citation fragment is among the missing ones', () => {
    const base = 'https://a.example.org/page';
    const mk = (fragment: string) =>
      buildReport({
        posts: [post('p.json', [block(0, { citations: [citation(`${base}#${fragment}`)] })])],
        results: results(result(base, 'ok', { missingFragments: ['gone'] })),
        startedAt: STARTED_AT,
        durationMs: 1,
      });
    expect(mk('gone').findings.map((f) => [f.code, f.args.fragment, f.url])).toEqual([
      ['FRAGMENT_MISSING', 'gone', `${base}#gone`],
    ]);
    expect(mk('here').findings).toEqual([]);
  });

  it('one link finding per (post, block, URL)', () => {
    const url = 'https://a.example.org/page';
    const report = buildReport({
      posts: [
        post('p.json', [
          block(0, { citations: [citation(url, { anchorText: 'one' }), citation(url, { anchorText: 'two' })] }),
          block(1, { citations: [citation(url)] }),
        ]),
      ],
      results: results(result(url, 'broken')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings.map((f) => [f.code, f.block])).toEqual([
      ['LINK_BROKEN', 0],
      ['LINK_BROKEN', 1],
    ]);
    expect(report.totals.citations).toBe(3);
    expect(report.totals.uniqueUrls).toBe(1);
  });

  it('marks a verdict reused from the cache, in the JSON and the terminal', async () => {
    const { renderJson } = await import('../../src/formatters/json.js');
    const { renderTerminal } = await import('../../src/formatters/terminal.js');
    const url = 'https://a.example.org/cached';
    const report = buildReport({
      posts: [post('p.json', [block(0, { citations: [citation(url)] })])],
      results: results(result(url, 'ok', { fromCache: true })),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.posts[0].blocks[0].citations[0].fromCache).toBe(true);
    expect(JSON.parse(renderJson(report)).posts[0].blocks[0].citations[0].fromCache).toBe(true);
    expect(renderTerminal(report, { color: false })).toMatch(/HTTP 200 · cached/);
  });

  it('a redirect failure says what went wrong, not only the last status', () => {
    const url = 'https://a.example.org/loop';
    const report = buildReport({
      posts: [post('p.json', [block(0, { citations: [citation(url)] })])],
      results: results(
        result(url, 'broken', {
          httpStatus: 302,
          errorCode: 'REDIRECT_LOOP',
          reason: 'loops back to https://a.example.org/loop',
        }),
      ),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings[0].message).toBe(
      'Source "source" is broken: https://a.example.org/loop (REDIRECT_LOOP: loops back to https://a.example.org/loop).',
    );
  });

  it('two fragments of one page get a finding each, worded and shown with their own anchor', async () => {
    const { renderTerminal } = await import('../../src/formatters/terminal.js');
    const page = 'http://a.example.org/page';
    const report = buildReport({
      posts: [
        post('p.json', [
          block(0, {
            citations: [
              citation(`${page}#gone`, { anchorText: 'first' }),
              citation(`${page}#here`, { anchorText: 'second' }),
            ],
          }),
        ]),
      ],
      results: results(result(page, 'broken')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings.map((f) => [f.code, f.url, f.args?.anchorText])).toEqual([
      ['LINK_BROKEN', `${page}#gone`, 'first'],
      ['LINK_BROKEN', `${page}#here`, 'second'],
      ['LINK_INSECURE_HTTP', `${page}#gone`, 'first'],
      ['LINK_INSECURE_HTTP', `${page}#here`, 'second'],
    ]);
    const out = renderTerminal(report, { color: false });
    // Under "second", nothing about "first".
    const second = out.slice(out.indexOf('“second”'));
    expect(out).toContain('“second”');
    expect(second).toContain('Source "second" uses plain http');
    expect(second).not.toContain('"first"');
  });
});

describe('buildReport: citations that are not checked', () => {
  it('an invalid URL is skipped with INVALID_URL and raises LINK_INVALID (error)', () => {
    const report = buildReport({
      posts: [
        post('p.json', [
          block(0, { citations: [citation('https;//x', { checkUrl: undefined, invalid: 'bad scheme separator' })] }),
        ]),
      ],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.posts[0].blocks[0].citations[0]).toMatchObject({
      status: 'skipped',
      errorCode: 'INVALID_URL',
      reason: 'bad scheme separator',
    });
    expect(report.findings.map((f) => [f.code, f.severity, f.url])).toEqual([['LINK_INVALID', 'error', 'https;//x']]);
    expect(report.totals.byStatus.skipped).toBe(1);
  });

  it('a link that is not a source and was not checked is excluded with its role as the reason', () => {
    const report = buildReport({
      posts: [post('p.json', [block(0, { citations: [citation('https://share.example.org/x', { role: 'share' })] })])],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.posts[0].blocks[0].citations[0]).toMatchObject({
      status: 'excluded',
      errorCode: 'NOT_A_SOURCE',
      reason: 'not a source (share link), not checked',
      role: 'share',
    });
    expect(report.findings).toEqual([]);
  });

  it('a mailto: link is skipped without a finding', () => {
    const report = buildReport({
      posts: [post('p.json', [block(0, { citations: [citation('mailto:a@example.org')] })])],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.posts[0].blocks[0].citations[0]).toMatchObject({
      status: 'skipped',
      errorCode: 'UNSUPPORTED_SCHEME',
    });
    expect(report.findings).toEqual([]);
  });

  it('a citation without a result (interrupted run) is unchecked', () => {
    const report = buildReport({
      posts: [post('p.json', [block(0, { citations: [citation('https://a.example.org/')] })])],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
      interrupted: true,
    });
    expect(report.posts[0].blocks[0].citations[0].status).toBe('unchecked');
    expect(report.interrupted).toBe(true);
    expect(report.totals.byStatus.unchecked).toBe(1);
  });

  it('LINK_INSECURE_HTTP is a note for outbound http:// links only', () => {
    const report = buildReport({
      posts: [
        post('p.json', [
          block(0, {
            citations: [
              citation('http://out.example.org/a'),
              citation('http://own.example.com/b', { isInternal: true }),
              citation('https://out.example.org/c'),
            ],
          }),
        ]),
      ],
      results: results(
        result('http://out.example.org/a', 'ok'),
        result('http://own.example.com/b', 'ok'),
        result('https://out.example.org/c', 'ok'),
      ),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings.map((f) => [f.code, f.severity, f.url])).toEqual([
      ['LINK_INSECURE_HTTP', 'note', 'http://out.example.org/a'],
    ]);
  });
});

describe('buildReport: a source the post already links an archived copy of', () => {
  it('is rescued (ARCHIVE_AVAILABLE, no LINK_BROKEN) and keeps its LINK_INSECURE_HTTP note', () => {
    const copy = 'https://web.archive.org/web/2020/http://gone.example.org/a';
    const report = buildReport({
      posts: [
        post('p.md', [
          block(0, {
            citations: [
              citation('http://gone.example.org/a', { archivedCopy: copy }),
              citation('https://gone.example.org/b', { archivedCopy: copy }),
            ],
          }),
        ]),
      ],
      results: results(result('http://gone.example.org/a', 'broken'), result('https://gone.example.org/b', 'broken')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings.map((f) => [f.code, f.url])).toEqual([
      ['LINK_INSECURE_HTTP', 'http://gone.example.org/a'],
      ['ARCHIVE_AVAILABLE', 'http://gone.example.org/a'],
      ['ARCHIVE_AVAILABLE', 'https://gone.example.org/b'],
    ]);
  });
});

describe('buildReport: damaged anchors, repairs, uncited claims', () => {
  it('the seed-like post: 8 ANCHOR_DAMAGED errors in reading order, repairs as warnings', () => {
    const report = seedLikeReport();
    const damagedFindings = report.findings.filter((f) => f.code === 'ANCHOR_DAMAGED');
    expect(damagedFindings.map((f) => [f.block, f.args.anchorText])).toEqual([
      [0, 'said'],
      [0, 'meeting'],
      [1, 'meeting'],
      [3, 'express'],
      [3, 'are'],
      [3, 'considering'],
      [3, 'is'],
      [5, 'specifies'],
    ]);
    expect(damagedFindings.every((f) => f.severity === 'error' && f.line === 1)).toBe(true);
    expect(
      report.findings.filter((f) => f.code === 'INPUT_REPAIRED').map((f) => [f.severity, f.block, f.args.repair]),
    ).toEqual([
      ['warning', undefined, 'raw newline inside a string'],
      ['warning', undefined, 'truncated after content.rendered'],
    ]);
    expect(report.totals).toMatchObject({
      posts: 1,
      blocks: 6,
      claims: 5,
      citations: 0,
      uniqueUrls: 0,
      damagedAnchors: 8,
    });
    expect(report.totals.findings).toEqual({ error: 8, warning: 2, note: 1 });
    expect(exitCodeForReport(report, 'error')).toBe(1);
    expect(exitCodeForReport(report, 'never')).toBe(0);
  });

  it('CLAIM_UNCITED only for non-heading blocks with quote/number/attribution and no source', () => {
    const mk = (over: Parameters<typeof block>[1]) =>
      buildReport({
        posts: [post('p.json', [block(0, over)])],
        results: new Map(),
        startedAt: STARTED_AT,
        durationMs: 1,
      }).findings.map((f) => f.code);
    expect(mk({ signals: ['number'] })).toEqual(['CLAIM_UNCITED']);
    expect(mk({ signals: ['quote', 'attribution'] })).toEqual(['CLAIM_UNCITED']);
    expect(mk({ signals: [] })).toEqual([]);
    expect(mk({ kind: 'heading', signals: ['number'] })).toEqual([]);
    expect(mk({ signals: ['citation', 'number'], damagedAnchors: [damaged('said')] })).toEqual(['ANCHOR_DAMAGED']);
    expect(mk({ signals: ['citation', 'number'], citations: [citation('https://source.example.org/report')] })).toEqual(
      [],
    );
    // Links that point at no source do not hide an uncited claim: mail, a jump within the post.
    expect(mk({ signals: ['citation', 'number'], citations: [citation('mailto:x@example.org')] })).toEqual([
      'CLAIM_UNCITED',
    ]);
    const selfLink = buildReport({
      posts: [
        post(
          'p.json',
          [
            block(0, {
              signals: ['citation', 'number'],
              citations: [citation('https://site.example.org/post/#top', { isInternal: true })],
            }),
          ],
          { url: 'https://site.example.org/post/' },
        ),
      ],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(selfLink.findings.map((f) => f.code)).toEqual(['CLAIM_UNCITED']);
    // A malformed link was meant as a source: LINK_INVALID says what is wrong, not CLAIM_UNCITED.
    expect(
      mk({
        signals: ['citation', 'number'],
        citations: [citation('https;//source.example.org/', { invalid: 'mistyped', checkUrl: undefined })],
      }),
    ).toEqual(['LINK_INVALID']);
    // Figures in table cells are data, not claims to source one by one.
    expect(mk({ kind: 'table-cell', signals: ['number'] })).toEqual([]);
    const uncited = buildReport({
      posts: [post('p.json', [block(0, { signals: ['number'] })])],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(uncited.findings[0]).toMatchObject({ severity: 'note', block: 0, args: { signals: 'number' } });
  });

  it('block findings fall back to the first warning line when the block has none', () => {
    const report = buildReport({
      posts: [
        post('p.json', [block(0, { damagedAnchors: [damaged('x')] })], {
          warnings: [{ code: 'INPUT_REPAIRED', repair: 'r', line: 7 }],
        }),
      ],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings.map((f) => [f.code, f.line])).toEqual([
      ['ANCHOR_DAMAGED', 7],
      ['INPUT_REPAIRED', 7],
    ]);
  });
});

describe('buildReport: totals, order, determinism', () => {
  it('totals count unique URLs per status with every status present', () => {
    const report = mixedReport();
    expect(Object.keys(report.totals.byStatus).sort()).toEqual([...LINK_STATUSES].sort());
    expect(report.totals.byStatus).toEqual({
      broken: 1,
      unreachable: 1,
      'soft-404': 1,
      timeout: 1,
      blocked: 1,
      ok: 2,
      excluded: 1,
      skipped: 2,
      unchecked: 1,
    });
    const sum = Object.values(report.totals.byStatus).reduce((a, b) => a + b, 0);
    expect(sum).toBe(report.totals.uniqueUrls);
    expect(report.totals).toMatchObject({ posts: 2, blocks: 6, claims: 4, citations: 11, damagedAnchors: 0 });
    const bySeverity = { error: 0, warning: 0, note: 0 };
    for (const f of report.findings) bySeverity[f.severity] += 1;
    expect(report.totals.findings).toEqual(bySeverity);
  });

  it('findings are sorted by severity, post, block, code, url', () => {
    const report = mixedReport();
    expect(report.findings.map((f) => `${f.severity} ${f.post} ${f.block ?? '-'} ${f.code}`)).toEqual([
      'error 0 1 LINK_BROKEN',
      'error 0 3 LINK_SOFT_404',
      'error 1 0 LINK_UNREACHABLE',
      'error 1 0 LINK_INVALID',
      'warning 0 3 LINK_TIMEOUT',
      'warning 0 3 LINK_BLOCKED',
      'warning 0 3 LINK_REDIRECT_PERMANENT',
      'warning 0 3 FRAGMENT_MISSING',
      'note 0 2 CLAIM_UNCITED',
      'note 0 3 LINK_INSECURE_HTTP',
    ]);
  });

  it('is deterministic and serialisable', () => {
    expect(JSON.stringify(mixedReport())).toBe(JSON.stringify(mixedReport()));
    const report = mixedReport();
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe('citecheck');
    expect(report.startedAt).toBe('2026-01-02T03:04:00.000Z');
    expect(report.hosts.map((h) => h.host)).toEqual(['gone.example.org', 'slow.example.org']);
  });
});

describe('exitCodeForReport', () => {
  const report = mixedReport();
  const onlyNotes = buildReport({
    posts: [post('p.json', [block(0, { signals: ['number'] })])],
    results: new Map(),
    startedAt: STARTED_AT,
    durationMs: 1,
  });
  const onlyWarnings = reportFor('timeout');
  const clean = reportFor('ok');
  it.each([
    ['error', report, 1],
    ['warning', report, 1],
    ['note', report, 1],
    ['never', report, 0],
    ['error', onlyWarnings, 0],
    ['warning', onlyWarnings, 1],
    ['error', onlyNotes, 0],
    ['warning', onlyNotes, 0],
    ['note', onlyNotes, 1],
    ['note', clean, 0],
  ] as const)('fail-on %s', (failOn, r, code) => {
    expect(exitCodeForReport(r, failOn)).toBe(code);
  });
});

describe('buildReport: releasePosts', () => {
  it("empties the run's array of extracted posts and builds the same report", () => {
    const url = 'https://a.example.org/page';
    const make = () => [
      post('p.json', [block(0, { citations: [citation(url)], line: 4 })]),
      post('q.json', [block(0, { citations: [citation(`${url}#x`)] })]),
    ];
    const input = { results: results(result(url, 'broken')), startedAt: STARTED_AT, durationMs: 1 };
    const kept = make();
    const released = make();
    const expected = buildReport({ ...input, posts: kept });
    const report = buildReport({ ...input, posts: released, releasePosts: true });
    expect(released).toHaveLength(0);
    expect(kept).toHaveLength(2);
    expect(report).toEqual(expected);
  });
});
