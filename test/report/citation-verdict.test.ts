import { describe, expect, it } from 'vitest';
import { citationVerdict } from '../../src/report/citation-verdict.js';
import type { CheckResult, Citation } from '../../src/types.js';

const citation = (fields: Partial<Citation>): Citation => ({
  url: 'https://news.example.org/a',
  rawHref: 'https://news.example.org/a',
  anchorText: 'a',
  sentence: 'A.',
  rel: [],
  isInternal: false,
  origin: 'a',
  ...fields,
});

describe('citationVerdict', () => {
  it('says why a link was skipped: scheme, invalid, or relative with no base', () => {
    expect(citationVerdict(citation({ url: 'mailto:a@b.org', rawHref: 'mailto:a@b.org' }), new Map())).toMatchObject({
      status: 'skipped',
      errorCode: 'UNSUPPORTED_SCHEME',
    });
    expect(citationVerdict(citation({ invalid: 'mistyped scheme', url: 'https;//x' }), new Map())).toMatchObject({
      status: 'skipped',
      errorCode: 'INVALID_URL',
      reason: 'mistyped scheme',
    });
    const relative = citationVerdict(citation({ url: '/about', rawHref: '/about' }), new Map());
    expect(relative.status).toBe('skipped');
    expect(relative.reason).toMatch(/relative link/);
  });

  it('carries the check result and leaves no undefined keys', () => {
    const result: CheckResult = {
      url: 'https://news.example.org/a',
      status: 'broken',
      httpStatus: 404,
      redirects: [],
      errorCode: 'HTTP_ERROR',
      attempts: 1,
      checkedAt: '2026-01-01T00:00:00Z',
      durationMs: 5,
    };
    const verdict = citationVerdict(
      citation({ checkUrl: 'https://news.example.org/a' }),
      new Map([[result.url, result]]),
    );
    expect(verdict).toMatchObject({ status: 'broken', httpStatus: 404, errorCode: 'HTTP_ERROR' });
    expect(Object.values(verdict)).not.toContain(undefined);
    expect(citationVerdict(citation({ checkUrl: 'https://news.example.org/b' }), new Map()).status).toBe('unchecked');
  });
});
