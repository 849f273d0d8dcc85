import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { redactCredentials } from '../../src/report/redact.js';
import type { CheckResult, ExtractedPost } from '../../src/types.js';

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
});
