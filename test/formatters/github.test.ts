import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithubAnnotations } from '../../src/formatters/github.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';

describe('GitHub annotations', () => {
  it('one workflow command per finding, with file, line and code title', () => {
    const lines = renderGithubAnnotations(seedLikeReport()).trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(
      lines.filter((l) => l.startsWith('::error file=posts/lost-links.json,line=1,title=ANCHOR_DAMAGED::')),
    ).toHaveLength(8);
    expect(
      lines.filter((l) => l.startsWith('::warning file=posts/lost-links.json,line=1,title=INPUT_REPAIRED::')),
    ).toHaveLength(2);
    expect(
      lines.filter((l) => l.startsWith('::notice file=posts/lost-links.json,line=1,title=CLAIM_UNCITED::')),
    ).toHaveLength(1);
  });

  it('omits file for URL sources', () => {
    const lines = renderGithubAnnotations(mixedReport()).split('\n');
    expect(lines).toContain(lines.find((l) => l.startsWith('::error title=LINK_UNREACHABLE::')));
  });

  it('escapes data and properties the way the Actions toolkit does', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const out = renderGithubAnnotations(hostileReport());
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(out).toContain('file=posts/evil".json,line=2');
  });

  it('annotations carry no escape sequence, BEL, bidi control or runner command from the post', () => {
    const out = renderGithubAnnotations(hostileReport());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const report = hostileReport();
    report.findings[0].message = 'a ##[add-mask]x \u001b]52;c;eA==\u0007 \u202Eb\nc';
    expect(renderGithubAnnotations(report).split('\n')[0]).toMatch(/::a #\\#\[add-mask\]x {2}b c$/);
  });

  it('names a file whose name holds controls in the message, not as a file= that does not exist', () => {
    const report = seedLikeReport();
    const evil = 'posts/a\u001b]52;c;eA==\u0007b\nc.md';
    report.posts[0].source = evil;
    for (const f of report.findings) f.source = evil;
    const lines = renderGithubAnnotations(report).trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    for (const line of lines) {
      expect(line).not.toContain('file=');
      expect(line).toMatch(/^::(error|warning|notice) title=[A-Z_]+::posts\/ab c\.md:1: /);
    }
  });

  it('gives a file name with a line break exactly, escaped as the toolkit does', () => {
    const report = seedLikeReport();
    report.posts[0].source = 'posts/a\nb.md';
    for (const f of report.findings) f.source = 'posts/a\nb.md';
    const lines = renderGithubAnnotations(report).trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=posts\/a%0Ab\.md,line=1,title=/);
  });

  it('prints nothing without findings', () => {
    const report = { ...mixedReport(), findings: [] };
    expect(renderGithubAnnotations(report)).toBe('');
  });
});
