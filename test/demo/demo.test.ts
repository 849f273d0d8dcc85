import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LINK_STATUSES } from '../../src/types.js';
import { ROOT } from '../cli/run-cli.js';
import { BROWSER_TEST_MARK, skipBrowserTests, withPage } from '../formatters/browser.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Runs `node demo/run.js --out DIR` as `npm run demo` does (after the build). */
function runDemo(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'demo', 'run.js'), '--out', out], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run demo', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runDemo>>;
  let report: { totals: { byStatus: Record<string, number> }; findings: { code: string }[] };

  beforeAll(async () => {
    out = await tempDir('citecheck-demo-');
    run = await runDemo(out);
    report = JSON.parse(await readFile(path.join(out, 'demo.json'), 'utf8'));
  }, 60_000);

  it('runs to completion and prints the terminal report', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
    for (const file of ['demo.html', 'demo.md', 'demo.json']) expect(existsSync(path.join(out, file))).toBe(true);
  });

  it('shows every status of the closed set at least once', () => {
    for (const status of LINK_STATUSES) expect(report.totals.byStatus[status], status).toBeGreaterThan(0);
  });

  it('finds what an editor must look at', () => {
    const codes = new Set(report.findings.map((f) => f.code));
    for (const code of [
      'LINK_BROKEN',
      'LINK_SOFT_404',
      'LINK_TIMEOUT',
      'LINK_BLOCKED',
      'LINK_UNREACHABLE',
      'LINK_REDIRECT_PERMANENT',
      'ANCHOR_DAMAGED',
      'INPUT_REPAIRED',
      'CLAIM_UNCITED',
      'QUOTE_NOT_FOUND',
      'ARCHIVE_AVAILABLE',
      'ARCHIVE_MISSING',
      'SOURCE_CHANGED',
    ]) {
      expect(codes.has(code as never), code).toBe(true);
    }
  });

  it('serves its own archive: a dead source shows its archived copy, asked of the demo archive only', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'demo.json'), 'utf8')) as {
      posts: {
        blocks: { citations: { url: string; archive?: { url?: string; capturedAt?: string; status: string } }[] }[];
      }[];
      hosts: { host: string }[];
    };
    const cites = json.posts.flatMap((p) => p.blocks.flatMap((b) => b.citations));
    const statement = cites.find((c) => c.url.endsWith('/press/2019/mayor-statement'));
    expect(statement?.archive).toMatchObject({ status: 'found', capturedAt: '2019-06-12T09:30:00Z' });
    expect(statement?.archive?.url).toMatch(/^http:\/\/127\.0\.0\.70:\d+\/web\/20190612093000\/http:\/\/127\.0\.0\.71/);
    expect(json.hosts.every((h) => h.host.startsWith('127.0.0.'))).toBe(true);
    expect(run.stdout).toMatch(/↺ archived 2019-06-12 http:\/\/127\.0\.0\.70/);
  });

  it('prints and writes the diff `citecheck fix` makes to the follow-up post', () => {
    const diff = readFileSync(path.join(out, 'demo.diff'), 'utf8');
    expect(run.stdout).toContain(diff);
    expect(diff).toMatch(/^--- a\/.*harbour-followup\.md$/m);
    expect(diff).toMatch(
      /^-The port authority's \[sediment survey\]\(http:\/\/127\.0\.0\.71:\d+\/reports\/harbour-survey\)/m,
    );
    expect(diff).toMatch(
      /^\+The port authority's \[sediment survey\]\(http:\/\/127\.0\.0\.70:\d+\/web\/20260115000000\/http:/m,
    );
    expect(diff).toMatch(
      /^\+The utility's \[annual water report\]\(http:\/\/127\.0\.0\.71:\d+\/reports\/water-quality-2026\)/m,
    );
    expect(run.stderr).toContain(
      'citecheck fix: 2 links to fix (the diff on stdout) in 1 file: 1 moved, 1 linked to an archived copy',
    );
  });

  it.skipIf(skipBrowserTests)(
    `the HTML report works ${BROWSER_TEST_MARK}: broken sources visible, the status filter hides and shows rows`,
    async () => {
      await withPage(pathToFileURL(path.join(out, 'demo.html')).href, async (page) => {
        const broken = page.locator('[data-status="broken"]');
        expect(await broken.count()).toBeGreaterThan(0);
        expect(await broken.first().isVisible()).toBe(true);
        const toggle = page.locator('#status-filter input[value="broken"]');
        await toggle.uncheck();
        expect(await broken.first().isVisible()).toBe(false);
        await toggle.check();
        expect(await broken.first().isVisible()).toBe(true);
        await page.screenshot({ path: path.join(out, 'demo.png'), fullPage: true });
        expect(existsSync(path.join(out, 'demo.png'))).toBe(true);
      });
    },
  );
});
