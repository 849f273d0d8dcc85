import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/formatters/sarif.js';
import { FINDING_CODES } from '../../src/report/codes.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';

// ajv-draft-04 is CommonJS; its class is also on `.default`, which both tsc (NodeNext) and vitest see.
const Ajv = AjvDraft04.default;

// The official SARIF 2.1.0 schema (draft-04), vendored so the validation runs on every clone.
const SCHEMA = path.resolve('test/fixtures/schemas/sarif-schema-2.1.0.json');

interface SarifLog {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
      };
    };
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
    }>;
  }>;
}

describe('sarif formatter: schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  it.each([
    ['mixed', mixedReport()],
    ['seed-like', seedLikeReport()],
    ['hostile', hostileReport()],
  ])('%s validates against SARIF 2.1.0', (_name, report) => {
    const log = JSON.parse(renderSarif(report, { cwd: '/repo' }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('sarif formatter', () => {
  it('has one rule per finding code, with the table severity as level', () => {
    const log = JSON.parse(renderSarif(mixedReport(), { cwd: '/repo' })) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('citecheck');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r) => r.id).sort()).toEqual(Object.keys(FINDING_CODES).sort());
    for (const rule of driver.rules) {
      const info = FINDING_CODES[rule.id as keyof typeof FINDING_CODES];
      expect(rule.defaultConfiguration.level).toBe(info.severity);
      expect(rule.shortDescription.text).toBe(info.title);
    }
  });

  it('results carry ruleId, level, message and file/line or URL locations', () => {
    const report = mixedReport();
    const log = JSON.parse(renderSarif(report, { cwd: '/repo' })) as SarifLog;
    const results = log.runs[0].results;
    expect(results).toHaveLength(report.findings.length);
    expect(results.map((r) => [r.ruleId, r.level])).toEqual(report.findings.map((f) => [f.code, f.severity]));
    const broken = results.find((r) => r.ruleId === 'LINK_BROKEN');
    expect(broken?.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'content/posts/budget.md' },
      region: { startLine: 3 },
    });
    const unreachable = results.find((r) => r.ruleId === 'LINK_UNREACHABLE');
    expect(unreachable?.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'https://blog.example.net/2026/02/interview/',
    );
    expect(unreachable?.locations[0].physicalLocation.region).toBeUndefined();
  });

  it('makes paths relative to cwd, and a file outside it a file: URL', () => {
    const report = seedLikeReport();
    const inside = JSON.parse(renderSarif(report, { cwd: '/repo' })) as SarifLog;
    expect(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('posts/lost-links.json');
    const absolute = { ...report, findings: report.findings.map((f) => ({ ...f, source: '/elsewhere/a b.json' })) };
    const outside = JSON.parse(renderSarif(absolute, { cwd: '/repo' })) as SarifLog;
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'file:///elsewhere/a%20b.json',
    );
    const nested = { ...report, findings: report.findings.map((f) => ({ ...f, source: '/repo/content/a b#1.md' })) };
    const rel = JSON.parse(renderSarif(nested, { cwd: '/repo' })) as SarifLog;
    expect(rel.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('content/a%20b%231.md');
  });
});
