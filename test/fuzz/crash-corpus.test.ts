import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { CRASHES } from '../fixtures/hostile/issue-13-crashes.js';
import { notInert } from '../helpers/inert-output.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The cases of the corpus, every one fixed: a case's fix lands with its name here. */
const FIXED = [
  'deep-div-5000',
  'deep-span-in-paragraph-5000',
  'deep-b-in-paragraph-5000',
  'deep-in-title-and-h1-5000',
  'deep-div-5000-wordpress',
  'terminal-45000-cited-paragraphs',
  'word-close-a-30000',
  'word-close-a-70000',
  'links-6000-one-paragraph',
  'lt-200000-wordpress',
  'markdown-bracket-paren-50000',
  'open-a-name-200000-wordpress',
  'pattern-characters-in-tag-name',
  'wide-article-100000-p',
  'well-formed-page-4mb',
  'well-formed-page-20mb',
  'fuzz-mix-310kb',
];

describe('issue 13 crash corpus: exit 0, 1 or 2, no stack trace', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-crashes-');
  });

  it('names every case of the corpus, and only those', () => {
    expect([...FIXED].sort()).toEqual(CRASHES.map((c) => c.name).sort());
  });

  for (const crash of CRASHES.filter((c) => FIXED.includes(c.name))) {
    it(`${crash.name} (before: ${crash.before})`, { timeout: 300_000 }, async () => {
      const file = `${crash.name}.${crash.ext}`;
      const input = crash.build();
      await writeFile(path.join(cwd, file), input);
      const result = await runCli(['check', file, '--offline', '--no-config', '--format', crash.format ?? 'json'], {
        cwd,
      });
      expect([0, 1, 2], result.stderr.slice(0, 2000)).toContain(result.code);
      expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(notInert(result.stderr)).toBeUndefined();
      if (crash.format === 'terminal') expect(result.stdout).toMatch(/\nSummary\n/);
      else if (crash.format === 'markdown') expect(result.stdout).toMatch(/^#+ .*citecheck/im);
      else if (result.code !== 2) expect(() => JSON.parse(result.stdout)).not.toThrow();
      if (crash.maxReportRatio !== undefined) {
        expect(Buffer.byteLength(result.stdout)).toBeLessThan(crash.maxReportRatio * Buffer.byteLength(input));
      }
    });
  }
});
