import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { archiveKey } from '../../src/archive/archive-url.js';
import { renderHtml } from '../../src/formatters/html.js';
import { renderJson } from '../../src/formatters/json.js';
import { renderJunit } from '../../src/formatters/junit.js';
import { renderMarkdown } from '../../src/formatters/markdown.js';
import { renderSarif } from '../../src/formatters/sarif.js';
import { renderTerminal } from '../../src/formatters/terminal.js';
import { buildReport } from '../../src/report/build.js';
import type { CitationArchive, Report } from '../../src/types.js';
import { STARTED_AT, block, citation, post, result, results } from '../fixtures/reports/builders.js';

const PUBLISHED = '2024-05-01T08:00:00Z';
const GONE = 'https://gone.example.org/statement';
const LOST = 'https://lost.example.org/inspection';
const CHANGED = 'https://changed.example.org/fares';
const DRIFTED = 'https://drift.example.org/story';
const SNAPSHOT = `https://web.archive.org/web/20240430101500/${GONE}`;
const ARCHIVE_LINK = 'https://web.archive.org/web/20190102030405/https://orig.example.org/page';
const QUOTE = 'the fare freeze will stay in place through 2027';

/** A post whose sources show every archive fact, built through the real report builder. */
function archiveReport(): Report {
  const p = post(
    'content/fares.md',
    [
      block(0, {
        text: 'The mayor announced the freeze in a statement and the bridge inspection found cracks.',
        line: 3,
        citations: [citation(GONE, { anchorText: 'statement' }), citation(LOST, { anchorText: 'bridge inspection' })],
      }),
      block(1, {
        text: `The council promised that "${QUOTE}" in its policy.`,
        line: 5,
        citations: [
          citation(CHANGED, { anchorText: 'policy', sentence: `The council promised that "${QUOTE}" in its policy.` }),
        ],
      }),
      block(2, {
        text: 'The story and the old page were cited.',
        line: 7,
        citations: [citation(DRIFTED, { anchorText: 'story' }), citation(ARCHIVE_LINK, { anchorText: 'old page' })],
      }),
    ],
    { kind: 'markdown', published: PUBLISHED, title: 'Fares' },
  );
  const archives = new Map<string, CitationArchive>([
    [archiveKey(GONE, PUBLISHED), { status: 'found', url: SNAPSHOT, capturedAt: '2024-04-30T10:15:00Z' }],
    [archiveKey(LOST, PUBLISHED), { status: 'missing' }],
    [
      archiveKey(CHANGED, PUBLISHED),
      {
        status: 'found',
        url: `https://web.archive.org/web/20240420000000/${CHANGED}`,
        capturedAt: '2024-04-20T00:00:00Z',
        quotesInCapture: [QUOTE],
      },
    ],
    [
      archiveKey(DRIFTED, PUBLISHED),
      {
        status: 'found',
        url: `https://web.archive.org/web/20240301000000/${DRIFTED}`,
        capturedAt: '2024-03-01T00:00:00Z',
        similarity: 0.31,
      },
    ],
  ]);
  return buildReport({
    posts: [p],
    results: results(
      result(GONE, 'broken', { httpStatus: 410 }),
      result(LOST, 'broken'),
      result(CHANGED, 'ok', { missingQuotes: [QUOTE] }),
      result(DRIFTED, 'ok'),
      result(ARCHIVE_LINK, 'ok'),
    ),
    archives,
    startedAt: STARTED_AT,
    durationMs: 5,
  });
}

describe('archive facts in the report', () => {
  const report = archiveReport();
  const codes = (url: string) => report.findings.filter((f) => f.url === url).map((f) => f.code);

  it('raises the archive findings', () => {
    expect(codes(GONE)).toEqual(['LINK_BROKEN', 'ARCHIVE_AVAILABLE']);
    expect(codes(LOST)).toEqual(['LINK_BROKEN', 'ARCHIVE_MISSING']);
    expect(codes(CHANGED)).toEqual(['SOURCE_CHANGED']);
    expect(codes(DRIFTED)).toEqual(['SOURCE_CHANGED']);
    expect(codes(ARCHIVE_LINK)).toEqual([]);
  });

  it('JSON: citations[].archive.{url, capturedAt, status}, in that order; archive links parsed', () => {
    const json = JSON.parse(renderJson(report)) as Report;
    const cites = json.posts[0].blocks.flatMap((b) => b.citations);
    const gone = cites.find((c) => c.url === GONE);
    expect(gone?.archive).toEqual({ url: SNAPSHOT, capturedAt: '2024-04-30T10:15:00Z', status: 'found' });
    expect(Object.keys(gone?.archive ?? {})).toEqual(['url', 'capturedAt', 'status']);
    expect(cites.find((c) => c.url === LOST)?.archive).toEqual({ status: 'missing' });
    expect(cites.find((c) => c.url === DRIFTED)?.archive?.similarity).toBe(0.31);
    expect(cites.find((c) => c.url === ARCHIVE_LINK)?.archive).toEqual({
      url: ARCHIVE_LINK,
      capturedAt: '2019-01-02T03:04:05Z',
      status: 'archive-link',
      originalUrl: 'https://orig.example.org/page',
    });
  });

  it('terminal: the capture URL and date beside the failing citation', () => {
    const out = renderTerminal(report);
    expect(out).toContain(`↺ archived 2024-04-30 ${SNAPSHOT}`);
    expect(out).toContain('ARCHIVE_MISSING');
    expect(out).toContain('↺ archive of https://orig.example.org/page captured 2019-01-02');
    expect(out).toContain('similarity 0.31');
    expect(out).toContain('SOURCE_CHANGED');
    // Said once, by the archive line, not again as a finding line.
    expect(out).not.toContain('ARCHIVE_AVAILABLE');
  });

  it('Markdown: the URL and date in the citation table, the findings in the tables', () => {
    const out = renderMarkdown(report);
    expect(out).toContain(`archived 2024-04-30: ${SNAPSHOT}`);
    expect(out).toContain('`ARCHIVE_MISSING`');
    expect(out).toContain('`SOURCE_CHANGED`');
    expect(out).toContain('`ARCHIVE_AVAILABLE`');
  });

  it('HTML: a link "archived 2024-04-30" to the capture, and the similarity', () => {
    const out = renderHtml(report);
    expect(out).toContain(`<a href="${SNAPSHOT}" rel="noopener noreferrer nofollow">archived 2024-04-30</a>`);
    expect(out).toContain('archived 2024-03-01</a> (similarity 0.31)');
    expect(out).toContain('no archived copy');
    expect(out).toContain('archive of <a href="https://orig.example.org/page"');
  });

  it('SARIF and JUnit: the capture in the messages; the SARIF validates', () => {
    const sarif = JSON.parse(renderSarif(report, { cwd: '/repo' })) as {
      runs: { results: { ruleId: string; message: { text: string } }[] }[];
    };
    const messages = sarif.runs[0].results;
    expect(messages.find((r) => r.ruleId === 'LINK_BROKEN')?.message.text).toContain(
      `An archived copy from 2024-04-30: ${SNAPSHOT}`,
    );
    expect(messages.find((r) => r.ruleId === 'ARCHIVE_AVAILABLE')?.message.text).toBe(
      `An archived copy of ${GONE} from 2024-04-30 is available: ${SNAPSHOT}.`,
    );
    const Ajv = AjvDraft04.default;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      JSON.parse(readFileSync(path.resolve('test/fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')),
    );
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);

    const junit = renderJunit(report);
    expect(junit).toMatch(
      new RegExp(
        `<failure type="LINK_BROKEN" message="[^"]*An archived copy from 2024-04-30: ${SNAPSHOT.replace(/[.?]/g, '\\$&')}`,
      ),
    );
    expect(junit).toContain(
      'ARCHIVE_MISSING (warning): No archived copy of https://lost.example.org/inspection exists',
    );
  });
});

describe('a lookup not made: the public archive is never told of a private host', () => {
  const WIKI = 'http://wiki.corp/minutes';
  const reason = 'wiki.corp is an intranet-only name: the public archive is never told of private hosts';
  const report = buildReport({
    posts: [
      post('content/minutes.md', [block(0, { text: 'The minutes say so.', citations: [citation(WIKI)] })], {
        kind: 'markdown',
        published: PUBLISHED,
      }),
    ],
    results: results(result(WIKI, 'broken', { httpStatus: 404 })),
    archives: new Map([[archiveKey(WIKI, PUBLISHED), { status: 'not-asked', reason }]]),
    startedAt: STARTED_AT,
    durationMs: 5,
  });

  it('says why in every human format, as a failed lookup is said, and raises no archive finding', () => {
    expect(report.findings.map((f) => f.code)).toEqual(['LINK_BROKEN', 'LINK_INSECURE_HTTP']);
    expect(renderTerminal(report)).toContain(`↺ archive not asked ${reason}`);
    expect(renderMarkdown(report)).toContain(`archive not asked, ${reason}`);
    expect(renderHtml(report)).toContain(`<span class="archive">archive not asked (${reason})</span>`);
  });
});
