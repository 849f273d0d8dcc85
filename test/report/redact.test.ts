import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { redactCredentials, redactText } from '../../src/report/redact.js';
import type { Block, CheckResult, ExtractedPost } from '../../src/types.js';
import { growthRatio } from '../helpers/linear-time.js';

describe('credentials in cited URLs never reach a report', () => {
  it('redactCredentials masks userinfo of any URL in a text and leaves the rest', () => {
    expect(redactCredentials('https://user:s3cret@host.example.org/a')).toBe('https://***@host.example.org/a');
    expect(redactCredentials('see ftp://token@files.example.org/x and https://ok.example.org/@me')).toBe(
      'see ftp://***@files.example.org/x and https://ok.example.org/@me',
    );
    expect(redactCredentials('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('buildReport masks them in citations and findings but still pairs results', () => {
    const url = 'https://user:s3cret@host.example.org/a';
    const post: ExtractedPost = {
      source: 'p.md',
      kind: 'markdown',
      warnings: [],
      blocks: [
        {
          index: 0,
          kind: 'paragraph',
          text: 'It said so.',
          isClaim: true,
          signals: ['citation', 'attribution'],
          damagedAnchors: [],
          citations: [
            {
              url,
              rawHref: url,
              checkUrl: url,
              anchorText: 'said',
              sentence: 'It said so.',
              rel: [],
              isInternal: false,
              origin: 'a',
            },
          ],
        },
      ],
    };
    const result: CheckResult = {
      url,
      status: 'broken',
      httpStatus: 404,
      redirects: [],
      errorCode: 'HTTP_ERROR',
      attempts: 1,
      checkedAt: '2026-01-01T00:00:00Z',
      durationMs: 1,
    };
    const report = buildReport({
      posts: [post],
      results: new Map([[url, result]]),
      startedAt: new Date(0),
      durationMs: 1,
    });
    expect(report.posts[0].blocks[0].citations[0].status).toBe('broken');
    expect(report.findings.map((f) => f.code)).toContain('LINK_BROKEN');
    expect(JSON.stringify(report)).not.toContain('s3cret');
  });

  it('masks a userinfo whatever stands before "://", in time linear in the text', () => {
    expect(redactCredentials('_https://user:pw@host/ and x.ftp://t@h')).toBe('_https://***@host/ and x.ftp://***@h');
    expect(redactCredentials('http://a@http://b@c')).toBe('http://***@http://***@c');
    // The regex it replaces tried a scheme at every word start of the run: 0.3 s here, 4.4 s at 4×.
    const text = (n: number) => `${'a.'.repeat(n)}@ and x://${'@'.repeat(n)}`;
    const [small, large] = [text(5_000), text(20_000)];
    expect(
      growthRatio(
        () => redactCredentials(small),
        () => redactCredentials(large),
        8,
        1,
      ),
    ).toBeLessThan(8);
  });

  it('redactText also masks a userinfo cut at the "…" that starts or ends a text', () => {
    expect(redactText('…er:s3cret@host.example.org/x said')).toBe('…***@host.example.org/x said');
    expect(redactText('…//user:s3cret@host')).toBe('…***@host');
    expect(redactText('they said, see https://user:s3c…')).toBe('they said, see https://***…');
    // Whole URLs, e-mail addresses and mentions as they were.
    expect(redactText('see https://example.org/a… or @jane')).toBe('see https://example.org/a… or @jane');
    expect(redactText('write to desk@example.org')).toBe('write to desk@example.org');
  });

  it('buildReport masks the text of the post: title, block, evidence, sentence, anchor text, lost anchors', () => {
    const secret = 'user:s3cret';
    const text = `Officials said 62% moved, see https://${secret}@data.example.org/x for https://${secret}@y.example.org/.`;
    const block: Block = {
      index: 0,
      kind: 'paragraph',
      text,
      isClaim: true,
      signals: ['citation', 'number', 'statement'],
      // A statement's subject taken from inside the URL (the evidence pieces are words of the text).
      evidence: [
        { signal: 'number', text: '62%' },
        { signal: 'statement', text: 's3cret … said' },
      ],
      damagedAnchors: [
        {
          anchorText: `lost https://${secret}@z.example.org/`,
          sentence: `…t@z.example.org/ here`,
          reason: 'empty-href',
        },
      ],
      citations: [
        {
          url: 'https://y.example.org/',
          rawHref: 'https://y.example.org/',
          checkUrl: 'https://y.example.org/',
          anchorText: `https://${secret}@y.example.org/`,
          sentence: text,
          rel: [],
          isInternal: false,
          origin: 'a',
        },
      ],
    };
    const extracted: ExtractedPost = {
      source: 'p.md',
      kind: 'markdown',
      title: `On https://${secret}@t.example.org/`,
      warnings: [],
      blocks: [block],
    };
    const report = buildReport({ posts: [extracted], results: new Map(), startedAt: new Date(0), durationMs: 1 });
    const json = JSON.stringify(report);
    expect(json).not.toContain('s3cret');
    const [out] = report.posts[0].blocks;
    expect(report.posts[0].title).toBe('On https://***@t.example.org/');
    expect(out.text).toBe(
      'Officials said 62% moved, see https://***@data.example.org/x for https://***@y.example.org/.',
    );
    expect(out.evidence).toEqual([
      { signal: 'number', text: '62%' },
      { signal: 'statement', text: '*** … said' },
    ]);
    expect(out.damagedAnchors[0]).toMatchObject({
      anchorText: 'lost https://***@z.example.org/',
      sentence: '…***@z.example.org/ here',
    });
    expect(out.citations[0].anchorText).toBe('https://***@y.example.org/');
    // The extraction's own lists, shared with the report, are left as they were.
    expect(block.evidence?.[1].text).toBe('s3cret … said');
  });

  it('buildReport leaves a post without credentials exactly as extracted', () => {
    const block: Block = {
      index: 0,
      kind: 'paragraph',
      text: 'Mail desk@example.org, see https://example.org/@jane…',
      isClaim: false,
      signals: [],
      evidence: [{ signal: 'number', text: '62%' }],
      damagedAnchors: [],
      citations: [],
    };
    const extracted: ExtractedPost = { source: 'p.md', kind: 'markdown', warnings: [], blocks: [block] };
    const report = buildReport({ posts: [extracted], results: new Map(), startedAt: new Date(0), durationMs: 1 });
    expect(report.posts[0].blocks[0].text).toBe(block.text);
    expect(report.posts[0].blocks[0].evidence).toBe(block.evidence);
  });
});
