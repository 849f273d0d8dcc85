import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/formatters/junit.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';
import { mask } from './mask.js';

interface Failure {
  '@_type': string;
  '@_message': string;
}
interface TestCase {
  '@_name': string;
  failure?: Failure;
  skipped?: unknown;
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: TestCase[];
}

function parse(xml: string): { testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] } } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml);
}

describe('junit formatter', () => {
  it('matches the snapshot', async () => {
    await expect(mask(renderJunit(mixedReport()))).toMatchFileSnapshot('__snapshots__/mixed.junit.xml');
  });

  it('has a testsuite per post and a testcase per citation, failures typed by code', () => {
    const report = mixedReport();
    const doc = parse(renderJunit(report));
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(2);
    expect(suites.map((s) => s['@_name'])).toEqual(['Budget | 2026 <draft>', 'Interview']);
    // Budget: input case + 6 citations + 1 uncited claim; Interview: input case + 5 citations.
    expect(suites[0].testcase).toHaveLength(8);
    expect(suites[1].testcase).toHaveLength(6);
    const types = suites.flatMap((s) => s.testcase.map((tc) => tc.failure?.['@_type']).filter(Boolean));
    expect(types.sort()).toEqual([
      'LINK_BLOCKED',
      'LINK_BROKEN',
      'LINK_INVALID',
      'LINK_REDIRECT_PERMANENT',
      'LINK_SOFT_404',
      'LINK_TIMEOUT',
      'LINK_UNREACHABLE',
    ]);
    // The moved page with a missing fragment fails once, typed by its first finding, both listed.
    const moved = suites[0].testcase.find((tc) => tc['@_name'].includes('old page'));
    expect(moved?.failure?.['@_type']).toBe('LINK_REDIRECT_PERMANENT');
    expect((moved?.failure as unknown as { '#text': string })['#text']).toContain('FRAGMENT_MISSING');
    // Notes never fail a case; they go to system-out.
    const uncited = suites[0].testcase.find((tc) => tc['@_name'].includes('claim cites a source'));
    expect(uncited?.failure).toBeUndefined();
    expect(uncited?.['system-out']).toContain('CLAIM_UNCITED');
    // Links that were not requested are skipped.
    expect(suites[1].testcase.filter((tc) => tc.skipped !== undefined)).toHaveLength(3);
    expect(doc.testsuites['@_failures']).toBe('7');
    expect(suites[0]['@_failures']).toBe('5');
    expect(suites[0]['@_tests']).toBe('8');
  });

  it('the seed-like post: 8 ANCHOR_DAMAGED failures and the INPUT_REPAIRED warning', () => {
    const doc = parse(renderJunit(seedLikeReport()));
    const cases = doc.testsuites.testsuite[0].testcase;
    const failures = cases.map((tc) => tc.failure?.['@_type']).filter(Boolean);
    expect(failures.filter((t) => t === 'ANCHOR_DAMAGED')).toHaveLength(8);
    expect(failures).toContain('INPUT_REPAIRED');
  });

  it('stays well-formed with markup and characters illegal in XML in the post', () => {
    const xml = renderJunit(hostileReport());
    const doc = parse(xml);
    expect(doc.testsuites.testsuite[0]['@_name']).toBe('<script>alert("title")</script>');
    expect(xml).not.toMatch(/[\u0000\u0001\u0007\u0008]/);
  });
});
