import { describe, expect, it } from 'vitest';
import { FINDING_CODES, isAtOrAbove, severityRank } from '../../src/report/codes.js';
import { formatFindingMessage } from '../../src/report/messages.js';
import type { FindingCode } from '../../src/types.js';

describe('FINDING_CODES', () => {
  it('has the severities of PRODUCT.md', () => {
    const bySeverity = (sev: string) =>
      Object.entries(FINDING_CODES)
        .filter(([, v]) => v.severity === sev)
        .map(([k]) => k)
        .sort();
    expect(bySeverity('error')).toEqual([
      'ANCHOR_DAMAGED',
      'LINK_BROKEN',
      'LINK_INVALID',
      'LINK_SOFT_404',
      'LINK_UNREACHABLE',
    ]);
    expect(bySeverity('warning')).toEqual([
      'ARCHIVE_MISSING',
      'FRAGMENT_MISSING',
      'INPUT_REPAIRED',
      'LINK_BLOCKED',
      'LINK_FAILING',
      'LINK_REDIRECT_PERMANENT',
      'LINK_TIMEOUT',
      'QUOTE_NOT_FOUND',
      'SOURCE_CHANGED',
    ]);
    expect(bySeverity('note')).toEqual(['ARCHIVE_AVAILABLE', 'CLAIM_UNCITED', 'LINK_INSECURE_HTTP']);
  });

  it('ranks and compares severities', () => {
    expect(severityRank('error')).toBeGreaterThan(severityRank('warning'));
    expect(severityRank('warning')).toBeGreaterThan(severityRank('note'));
    expect(isAtOrAbove('error', 'warning')).toBe(true);
    expect(isAtOrAbove('note', 'warning')).toBe(false);
    expect(isAtOrAbove('warning', 'warning')).toBe(true);
    expect(isAtOrAbove('error', 'never')).toBe(false);
  });
});

describe('formatFindingMessage', () => {
  it('gives every code a one-line message, even without args', () => {
    for (const code of Object.keys(FINDING_CODES) as FindingCode[]) {
      const message = formatFindingMessage(code, {});
      expect(message.length).toBeGreaterThan(5);
      expect(message).not.toMatch(/undefined|\n/);
    }
  });

  it('uses its args', () => {
    expect(formatFindingMessage('LINK_BROKEN', { url: 'https://x.example/', httpStatus: 404 })).toContain('HTTP 404');
    expect(
      formatFindingMessage('LINK_REDIRECT_PERMANENT', { url: 'https://x.example/', newUrl: 'https://y.example/' }),
    ).toContain('https://y.example/');
    expect(formatFindingMessage('ANCHOR_DAMAGED', { anchorText: 'said', reason: 'orphan-close-tag' })).toContain(
      '"said"',
    );
  });
});

describe('formatFindingMessage: blocked links', () => {
  it('says a rate-limited host was given up, not that it answered with a bot challenge', () => {
    const message = formatFindingMessage('LINK_BLOCKED', {
      url: 'http://slow.example/p/0',
      errorCode: 'RATE_LIMITED',
      reason: 'not requested: slow.example refused 3 times in a row (HTTP 503)',
    });
    expect(message).toBe(
      'Source was not checked: http://slow.example/p/0 is rate-limited (not requested: slow.example refused 3 times in a row (HTTP 503)); check it by hand.',
    );
    expect(formatFindingMessage('LINK_BLOCKED', { url: 'http://wall.example/', errorCode: 'BOT_CHALLENGE' })).toContain(
      'with a bot challenge',
    );
  });
});

describe('formatFindingMessage: redirects', () => {
  it('names the redirect target of a broken link', () => {
    expect(
      formatFindingMessage('LINK_BROKEN', {
        url: 'https://x.example/',
        finalUrl: 'https://y.example/gone',
        httpStatus: 404,
      }),
    ).toContain('redirected to https://y.example/gone');
  });
});
