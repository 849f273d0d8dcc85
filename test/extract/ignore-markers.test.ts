import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractOptions, extractPost } from '../../src/extract/index.js';
import { readIgnoreMarkers } from '../../src/extract/ignore-markers.js';
import { buildReport } from '../../src/report/build.js';
import { runCheck } from '../../src/run.js';
import { parseDocument } from '../../src/sources/index.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';
import { growthRatio } from '../helpers/linear-time.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDirSync } from '../helpers/temp-dir.js';

/** The report of one document, offline, with an optional config `ignore` list. */
function offlineReport(text: string, source: string, ignore: string[] = []): Report {
  const posts = parseDocument(text, { source }).map((post) =>
    extractPost(post, extractOptions(testOptions({ ignore }))),
  );
  return buildReport({ posts, results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
}

/** [url, status, reason] of every citation. */
function rows(r: Report): Array<[string, string, string | undefined]> {
  return r.posts.flatMap((p) =>
    p.blocks.flatMap((b) => b.citations.map((c): [string, string, string | undefined] => [c.url, c.status, c.reason])),
  );
}

const MARKDOWN = [
  '---',
  'url: https://blog.test/post/',
  '---',
  'Officials [said](https://gov.test/a) 40% closed. <!-- citecheck-ignore -->',
  '',
  '<!-- citecheck-ignore-next-line -->',
  'The [report](https://paywall.test/r) found cases, and [a broken one](https://exa mple.test/).',
  '',
  '<!-- citecheck-disable -->',
  'A [first](https://one.test/) link,',
  '',
  'and a [second](https://two.test/) one.',
  '<!-- citecheck-enable -->',
  '',
  'Then [a kept one](https://three.test/).',
  '',
  'Writing `<!-- citecheck-disable -->` in a code span is an example.',
  '',
  '```html',
  '<!-- citecheck-disable -->',
  '```',
  '',
  '[Still kept](https://four.test/).',
].join('\n');

describe('inline ignore markers', () => {
  it('ignores links on the marked line, the next line and a disabled span of a Markdown post, with the reason', () => {
    const r = offlineReport(MARKDOWN, 'post.md');
    expect(rows(r)).toEqual([
      ['https://gov.test/a', 'excluded', 'ignored by a citecheck-ignore comment on line 4'],
      ['https://paywall.test/r', 'excluded', 'ignored by a citecheck-ignore-next-line comment on line 6'],
      ['https://exa mple.test/', 'excluded', 'ignored by a citecheck-ignore-next-line comment on line 6'],
      ['https://one.test/', 'excluded', 'ignored after a citecheck-disable comment on line 9'],
      ['https://two.test/', 'excluded', 'ignored after a citecheck-disable comment on line 9'],
      ['https://three.test/', 'unchecked', undefined],
      ['https://four.test/', 'unchecked', undefined],
    ]);
    // An ignored malformed link raises no LINK_INVALID; the ignored links still source their claims.
    expect(r.findings.map((f) => f.code)).toEqual([]);
  });

  it('a marker may give its reason, after a colon or a space; a misspelt one is no marker', () => {
    const text = [
      'A [paywalled](https://paywall.test/a) story. <!-- citecheck-ignore: paywalled, checked by hand -->',
      '',
      '<!-- citecheck-ignore-next-line flaky host -->',
      'And [a flaky](https://flaky.test/b) one, [kept](https://kept.test/c) <!-- citecheck-ignored -->.',
    ].join('\n');
    expect(rows(offlineReport(text, 'post.md'))).toEqual([
      [
        'https://paywall.test/a',
        'excluded',
        'ignored by a citecheck-ignore comment on line 1 (paywalled, checked by hand)',
      ],
      ['https://flaky.test/b', 'excluded', 'ignored by a citecheck-ignore-next-line comment on line 3 (flaky host)'],
      ['https://kept.test/c', 'excluded', 'ignored by a citecheck-ignore-next-line comment on line 3 (flaky host)'],
    ]);
    expect(rows(offlineReport('[kept](https://kept.test/c) <!-- citecheck-ignored -->', 'post.md'))).toEqual([
      ['https://kept.test/c', 'unchecked', undefined],
    ]);
  });

  it('reads markers in time linear in the line: unclosed ones, and one followed by a run of spaces', () => {
    // The marker regex once split the spaces between a separator, the reason and the end: cubic.
    const where = (n: number) => `line ${n}`;
    for (const unit of ['<!-- citecheck-ignore ', ' '])
      for (const markdown of [true, false]) {
        const read = (n: number) => {
          const body = `<!-- citecheck-ignore${unit.repeat(n)}x\n[a](https://a.test/)\n`;
          return () => readIgnoreMarkers(body, { markdown, where });
        };
        // Sizes and a floor that time the algorithm, not the timer: at 5,000 units a run took ~1.5 ms
        // and a linear shape read 11 on a loaded CI run. A quadratic one is ~16x, the old cubic far more.
        expect(
          growthRatio(read(20_000), read(80_000), 8, 10),
          `${JSON.stringify(unit)} markdown ${markdown}`,
        ).toBeLessThan(8);
      }
  });

  it('in Markdown, a marker that starts a line or follows a reference definition spoils neither', () => {
    // A line starting "<!--" is an HTML block to Markdown, and a definition takes no comment after
    // its URL: the markers are cut out of what is parsed (lines stay).
    const text = [
      'Intro.',
      '',
      '<!-- citecheck-ignore --> The survey found [a link](https://x.test/a) here.',
      '',
      'A [ref link][r] is used.',
      '',
      '[r]: https://y.test/b <!-- citecheck-ignore: the definition still holds -->',
    ].join('\n');
    const r = offlineReport(text, 'post.md');
    expect(rows(r)).toEqual([
      ['https://x.test/a', 'excluded', 'ignored by a citecheck-ignore comment on line 3'],
      // A link, not plain text with an invalid definition; the marker is on another line than its use.
      ['https://y.test/b', 'unchecked', undefined],
    ]);
    expect(r.posts[0].blocks.map((b) => b.line)).toEqual([1, 3, 5]);
    expect(r.findings.map((f) => f.code)).toEqual([]);
  });

  it('reads the same comments in an HTML page and in WordPress content', () => {
    const page = [
      '<html><body><article>',
      '<p>A <a href="https://a.test/">kept</a> link.</p>',
      '<p>An <a href="https://b.test/">ignored</a> one. <!-- citecheck-ignore --></p>',
      '</article></body></html>',
    ].join('\n');
    expect(rows(offlineReport(page, 'page.html')).map(([url, status]) => [url, status])).toEqual([
      ['https://a.test/', 'unchecked'],
      ['https://b.test/', 'excluded'],
    ]);
    const wp = JSON.stringify({
      id: 7,
      link: 'https://blog.test/p/',
      content: {
        rendered:
          '<p>Kept <a href="https://c.test/">c</a>.</p>\n<!-- citecheck-ignore-next-line -->\n<p>Ignored <a href="https://d.test/">d</a>.</p>\n',
      },
    });
    expect(rows(offlineReport(wp, 'post.json'))).toEqual([
      ['https://c.test/', 'unchecked', undefined],
      [
        'https://d.test/',
        'excluded',
        "ignored by a citecheck-ignore-next-line comment on line 2 of the post's content",
      ],
    ]);
  });

  it('in HTML only real comments are markers: not the same text in an attribute, a script or a textarea', () => {
    // review22: a theme's inline script holding the text opened a disable span to the post's end.
    const page = [
      '<html><body><article>',
      '<p>P6 <a href="https://h6.test/">a</a> <a title="<!-- citecheck-ignore -->" href="https://h7.test/">t</a></p>',
      '<script>/* <!-- citecheck-disable --> */</script><textarea><!-- citecheck-disable --></textarea>',
      '<p>P8 <a href="https://h8.test/">a</a></p>',
      '<p>P9 <a href="https://h9.test/">a</a> <!-- citecheck-ignore: real --></p>',
      '</article></body></html>',
    ].join('\n');
    expect(rows(offlineReport(page, 'page.html'))).toEqual([
      ['https://h6.test/', 'unchecked', undefined],
      ['https://h7.test/', 'unchecked', undefined],
      ['https://h8.test/', 'unchecked', undefined],
      ['https://h9.test/', 'excluded', 'ignored by a citecheck-ignore comment on line 5 (real)'],
    ]);
  });

  it('a disable without enable runs to the end; markers in fences and code spans are examples', () => {
    const ignored = readIgnoreMarkers(
      'a\n```\n<!-- citecheck-disable -->\n```\nb `<!-- citecheck-ignore -->`\n<!-- citecheck-disable -->\nc\nd',
      {
        markdown: true,
        where: (n) => `line ${n}`,
      },
    );
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ignored?.(n) !== undefined)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(readIgnoreMarkers('no markers here', { markdown: false, where: String })).toBeUndefined();
  });

  it('the config ignore list matches exact URLs, normalised, with or without the fragment; not as patterns', () => {
    const text =
      'See [a](https://Paywall.test:443/story#top), [b](https://paywall.test/story/2) and [c](https://other.test/).\n';
    const r = offlineReport(text, 'post.md', ['https://paywall.test/story', 'https://other\\.test/']);
    expect(rows(r)).toEqual([
      ['https://paywall.test/story#top', 'excluded', "listed in the config's ignore list"],
      ['https://paywall.test/story/2', 'unchecked', undefined],
      ['https://other.test/', 'unchecked', undefined],
    ]);
  });
});

describe('ignored links get no request', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer({ host: '127.0.0.2' });
    dir = tempDirSync('citecheck-ignore-');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the other links and reports the ignored ones excluded', async () => {
    const file = path.join(dir, 'post.md');
    writeFileSync(
      file,
      [
        `Kept [source](${server.url('/status/200?kept')}).`,
        '',
        `Marked [source](${server.url('/status/404?marked')}). <!-- citecheck-ignore -->`,
        '',
        `Listed [source](${server.url('/status/404?listed')}).`,
      ].join('\n'),
    );
    const report = await runCheck([file], testOptions({ ignore: [server.url('/status/404?listed')] }));
    expect(rows(report).map(([, status]) => status)).toEqual(['ok', 'excluded', 'excluded']);
    expect(server.hits.map((h) => h.path)).toEqual(['/status/200?kept']);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("an --include pattern that matches a link wins over its marker and the ignore list, as lychee's include wins over every exclude", async () => {
    const file = path.join(dir, 'included.md');
    writeFileSync(
      file,
      [
        `Marked [source](${server.url('/status/404?marked')}). <!-- citecheck-ignore: paywalled -->`,
        '',
        `Listed [source](${server.url('/status/404?listed')}).`,
        '',
        `Other [source](${server.url('/status/404?other')}). <!-- citecheck-ignore -->`,
      ].join('\n'),
    );
    const options = testOptions({
      ignore: [server.url('/status/404?listed')],
      include: [/\?(marked|listed)$/],
    });
    const report = await runCheck([file], options);
    expect(rows(report)).toEqual([
      [server.url('/status/404?marked'), 'broken', 'Not Found'],
      [server.url('/status/404?listed'), 'broken', 'Not Found'],
      [server.url('/status/404?other'), 'excluded', 'ignored by a citecheck-ignore comment on line 5'],
    ]);
    const hits = server.hits.map((h) => h.path).filter((p) => /\?(marked|listed|other)$/.test(p));
    // The earlier test's marked and listed links were not requested: these are this test's.
    expect(hits.sort()).toEqual(['/status/404?listed', '/status/404?marked']);
  });

  it('reads "ignore" from the config file through the CLI', async () => {
    const file = path.join(dir, 'cli.md');
    writeFileSync(file, 'A [paywalled](https://paywall.test/x) source and a [free](https://free.test/) one.\n');
    writeFileSync(path.join(dir, 'citecheck.config.json'), JSON.stringify({ ignore: ['https://paywall.test/x'] }));
    const out = await runCli(['extract', file], { cwd: dir });
    expect(out.code).toBe(0);
    expect(rows(JSON.parse(out.stdout) as Report)[0]).toEqual([
      'https://paywall.test/x',
      'excluded',
      "listed in the config's ignore list",
    ]);
  });
});
