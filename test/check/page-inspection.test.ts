import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/check/index.js';
import { inspectPage, pageHeadlines } from '../../src/check/page-signals.js';
import { stripTags } from '../../src/sources/scan-html.js';
import { visibleText } from '../../src/check/page-text.js';
import { growthRatio } from '../helpers/linear-time.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Pages come from strangers: what a check reads of one must cost work linear in its size.
const HOSTILE: Record<string, (n: number) => string> = {
  // The report's case: /<[^>]*>/g took 77 s on this title.
  'a title of "<"': (n) => `<title>${'<'.repeat(n)}</title>`,
  'an unclosed title of "<"': (n) => `<title>${'<'.repeat(n)}`,
  'a heading of "<a"': (n) => `<h1>${'<a'.repeat(n)}</h1>`,
  'nested <div>s': (n) => '<div>'.repeat(n),
  'nested <span>s in a heading': (n) => `<h1>${'<span>'.repeat(n)}`,
  'unclosed <title>s': (n) => '<title>'.repeat(n),
  ampersands: (n) => `<title>${'&'.repeat(n)}</title><h1>${'&amp'.repeat(n)}</h1>`,
  'repeated attributes': (n) => `<p ${'id=x '.repeat(n)}>`,
};

describe('page inspection does work linear in the page', () => {
  const n = 25_000;
  it.each(Object.keys(HOSTILE))('%s: eight times the input, far less than 64 times the work', (shape) => {
    const make = HOSTILE[shape];
    for (const inspect of [pageHeadlines, inspectPage, visibleText] as ((html: string) => unknown)[]) {
      const small = make(n);
      const large = make(8 * n);
      // Linear work grows 8x, quadratic 64x: 24x leaves room for GC and a loaded machine
      // either way (the replaced regex took 3 s at 50,000 and 77 s at 250,000). Under 10 ms the
      // small page's time is the timer's and the caches', not the algorithm's.
      const ratio = growthRatio(
        () => inspect(small),
        () => inspect(large),
        24,
        10,
      );
      expect(ratio).toBeLessThan(24);
    }
  });

  it('reads the hostile title as text, without the tags a browser shows literally dropped wrongly', () => {
    expect(pageHeadlines(`<title>${'<'.repeat(1000)}</title><h1>Found</h1>`)).toEqual({
      title: '<'.repeat(1000),
      heading: 'Found',
    });
  });

  it('strips tags exactly like /<[^>]*>/g', () => {
    for (const text of ['a<b>c', 'a < b > c', '<<x>', 'x<y', '<a<b>c>d', 'no tags', '>', '<>']) {
      expect(stripTags(text)).toBe(text.replace(/<[^>]*>/g, ' '));
    }
  });
});

describe('page signals from the tokenizer', () => {
  it('decodes every HTML entity, not a table of ten', () => {
    expect(pageHeadlines('<title>Caf&eacute; &hellip; &#x2019;s &frac12; &NotAnEntity;</title>').title).toBe(
      'Café … ’s ½ &NotAnEntity;',
    );
  });

  it('reads fragment targets with entities in their values, anywhere on the page', () => {
    const { anchors } = inspectPage(
      `${'<div>'.repeat(20_000)}<h2 id="caf&eacute;">x</h2><a name="a&amp;b"></a><p id="">empty</p>`,
    );
    expect([...anchors].sort()).toEqual(['a&b', 'café']);
  });

  it('keeps visible text after a self-closed <svg/> and hides an open one', () => {
    expect(visibleText('<p>one<svg/>two</p><p>three</p>')).toBe('onetwo three');
    expect(visibleText('<p>one</p><svg><text>drawn</text></svg><p>two</p>')).toBe('one two');
  });
});

describe('a hostile page cannot stall the checks', () => {
  let hostile: TestServer;
  let plain: TestServer;
  const hostilePage = `<!doctype html><title>${'<'.repeat(250_000)}</title><h1>${'<a'.repeat(100_000)}</h1>${'<div>'.repeat(50_000)}<p id="here">The quoted words are here.</p>`;

  beforeAll(async () => {
    hostile = await startTestServer({
      host: '127.0.0.5',
      routes: {
        '/hostile': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(hostilePage);
        },
      },
    });
    plain = await startTestServer({ host: '127.0.0.6' });
  });
  afterAll(async () => {
    await Promise.all([hostile.close(), plain.close()]);
  });

  it('checks the page (title, heading, fragments, quotes) and the links beside it', async () => {
    const targets = [
      { url: hostile.url('/hostile'), fragments: ['here', 'gone'], quotes: ['The quoted words are here.'] },
      { url: hostile.url('/hostile?again'), fragments: [], quotes: ['words that are not there'] },
      ...Array.from({ length: 20 }, (_, i) => ({ url: plain.url(`/ok?n=${i}`), fragments: [], quotes: [] })),
    ];
    const run = await checkTargets(
      targets,
      testOptions({ checkFragments: true, maxBodyBytes: 1024 * 1024, soft404Probe: true }),
    );
    expect(run.results.get(hostile.url('/hostile'))).toMatchObject({ status: 'ok', missingFragments: ['gone'] });
    expect(run.results.get(hostile.url('/hostile'))?.missingQuotes).toBeUndefined();
    expect(run.results.get(hostile.url('/hostile?again'))).toMatchObject({
      status: 'ok',
      missingQuotes: ['words that are not there'],
    });
    expect(targets.slice(2).every((t) => run.results.get(t.url)?.status === 'ok')).toBe(true);
  });
});
