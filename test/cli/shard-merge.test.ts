import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/links/shard.js';
import type { Report } from '../../src/types.js';
import { citingParagraph, wxrExport, type ExportPost } from '../helpers/site-export.js';
import { startTestServers, type TestServer } from '../helpers/test-server.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// 2,000 citations (400 posts × 5) of 1,000 URLs on 16 local hosts: gone (404), moved (301),
// blocked (403) and ok pages; a damaged anchor, a malformed URL, an uncited claim and a
// mailto: link, which no shard but the first reports.
const HOSTS = 16;
const SHARDS = 4;
const URLS = 1000;

function urlPath(j: number): string {
  if (j % 40 === 7) return `/status/404?n=${j}`;
  if (j % 40 === 13) return `/redirect/301/1?n=${j}`;
  if (j % 40 === 21) return `/status/403?n=${j}`;
  return `/ok?n=${j}`;
}

function exportOf(servers: TestServer[]): string {
  const posts: ExportPost[] = Array.from({ length: 400 }, (_, p) => {
    const paragraphs = Array.from({ length: 5 }, (_, k) => {
      const j = (p * 5 + k) % URLS;
      return citingParagraph(`${servers[j % HOSTS].url(urlPath(j))}${k === 4 ? '#part-2' : ''}`, `source ${j}`, p);
    });
    if (p === 3) paragraphs.push('<p>The minister said</a> the budget rose 4%.</p>');
    if (p === 5) paragraphs.push('<p>See <a href="https://[bad">the report</a> from 2020.</p>');
    if (p === 9) paragraphs.push('<p>Prices rose 40% in a year, officials said.</p>');
    if (p === 11) paragraphs.push('<p>Write to <a href="mailto:desk@example.org">the desk</a>.</p>');
    return { id: p + 1, title: `Story ${p + 1}`, body: paragraphs.join('\n') };
  });
  return wxrExport(posts);
}

/** What must not differ between the whole run and the shards merged. */
function verdicts(report: Report) {
  return { totals: report.totals, posts: report.posts, findings: report.findings };
}

describe('a run in 4 shards, merged, equals the run in one piece', () => {
  let servers: TestServer[];
  let dir: string;
  let whole: Report;
  const common = ['--no-config', '--allow-private', '--no-progress', '--retries', '0', '--host-interval', '0'];

  beforeAll(async () => {
    servers = await startTestServers(HOSTS, { firstHost: 60 });
    dir = await tempDir('citecheck-shards-');
    await writeFile(path.join(dir, 'archive.xml'), exportOf(servers));
    // Every shard has hosts of its own: the test exercises a real split.
    const owners = new Set(servers.map((s) => shardOf(s.origin, SHARDS)));
    expect(owners.size).toBe(SHARDS);
    const run = await runCli(['check', 'archive.xml', ...common, '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    whole = JSON.parse(run.stdout) as Report;
    expect(whole.totals.citations).toBe(2002);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('each shard checks only its sites, writes its JSON report, and merge joins them', async () => {
    const hitBy = new Map<string, number>();
    for (let k = 1; k <= SHARDS; k++) {
      for (const s of servers) s.reset();
      const run = await runCli(['check', 'archive.xml', ...common, '--shard', `${k}/${SHARDS}`, '--fail-on', 'never'], {
        cwd: dir,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`wrote reports/citecheck.shard-${k}-of-${SHARDS}.json`);
      expect(run.stdout).toContain(`Shard ${k}/${SHARDS}: only the links of this shard's sites were checked`);
      // One runner per site: no host is asked by two shards.
      for (const s of servers.filter((server) => server.hits.length > 0)) {
        expect(hitBy.get(s.host)).toBeUndefined();
        hitBy.set(s.host, k);
      }
    }
    expect(hitBy.size).toBe(HOSTS);
    const files = [1, 2, 3, 4].map((k) => `reports/citecheck.shard-${k}-of-${SHARDS}.json`);
    const merge = await runCli(['merge', ...files.reverse(), '--format', 'json', '--report', 'sarif:merged.sarif'], {
      cwd: dir,
    });
    expect(merge.code, merge.stderr).toBe(1);
    expect(merge.stderr).toContain('exit 1: ');
    const merged = JSON.parse(merge.stdout) as Report;
    expect(verdicts(merged)).toEqual(verdicts(whole));
    expect(merged.hosts.map((h) => [h.host, h.requests])).toEqual(whole.hosts.map((h) => [h.host, h.requests]));
    const sarif = JSON.parse(await readFile(path.join(dir, 'merged.sarif'), 'utf8')) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0].results).toHaveLength(whole.findings.length);
    // The findings only shard 1 reports are there once.
    for (const code of ['ANCHOR_DAMAGED', 'LINK_INVALID', 'CLAIM_UNCITED'])
      expect(merged.findings.filter((f) => f.code === code).length).toBe(
        whole.findings.filter((f) => f.code === code).length,
      );
    const lenient = await runCli(['merge', ...files, '--fail-on', 'never'], { cwd: dir });
    expect(lenient.code, lenient.stderr).toBe(0);
  }, 180_000);

  it('refuses shards of other inputs or of another version, in one line (exit 2)', async () => {
    const shard = (k: number) => `reports/citecheck.shard-${k}-of-${SHARDS}.json`;
    const report = JSON.parse(await readFile(path.join(dir, shard(2)), 'utf8')) as Report;
    await writeFile(
      path.join(dir, 'newer.json'),
      JSON.stringify({ ...report, tool: { ...report.tool, version: '99.0.0' } }),
    );
    const newer = await runCli(['merge', shard(1), 'newer.json', shard(3), shard(4)], { cwd: dir });
    expect(newer.code).toBe(2);
    expect(newer.stderr).toMatch(
      /^citecheck: newer\.json was written by citecheck 99\.0\.0, .* merge the shards of one run, written by one version\n$/,
    );

    await writeFile(path.join(dir, 'other.xml'), wxrExport([{ id: 1, title: 'Other', body: '<p>Other text 5%.</p>' }]));
    const other = await runCli(['check', 'other.xml', ...common, '--shard', '2/4', '--report', 'json:other.json'], {
      cwd: dir,
    });
    expect(other.code, other.stderr).toBe(0);
    const mixed = await runCli(['merge', shard(1), 'other.json', shard(3), shard(4)], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^citecheck: other\.json is a shard of other inputs than .*\n$/);
    expect(mixed.stdout).toBe('');
  }, 60_000);
});
