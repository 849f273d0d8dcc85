import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

let server: TestServer;
let dir: string;
let postFile: string;

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.15' });
  dir = await tempDir('citecheck-quotes-');
  const kept = server.url(
    `/quote?text=${encodeURIComponent('<p>The council said: "Transit spending rises by 12 percent next year."</p>')}`,
  );
  const changed = server.url(`/quote?text=${encodeURIComponent('<p>The fare freeze will be reviewed in 2027.</p>')}`);
  postFile = path.join(dir, 'post.md');
  await writeFile(
    postFile,
    `The council [said](${kept}) that “transit spending rises by 12 percent next year.”\n\n` +
      `Riders were [promised](${changed}) that "the fare freeze will stay in place through 2027".\n`,
  );
});
afterAll(async () => {
  await server.close();
});

type JsonReport = { findings: { code: string; severity: string; args: Record<string, string> }[] };

describe('QUOTE_NOT_FOUND through the CLI', () => {
  it('is on by default: the changed source raises one warning', async () => {
    const result = await runCli([
      'check',
      postFile,
      '--no-config',
      '--allow-private',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    const quotes = report.findings.filter((f) => f.code === 'QUOTE_NOT_FOUND');
    expect(quotes.map((f) => [f.severity, f.args.anchorText, f.args.quote])).toEqual([
      ['warning', 'promised', 'the fare freeze will stay in place through 2027'],
    ]);
  });

  it('--fail-on warning fails the run on it', async () => {
    const result = await runCli([
      'check',
      postFile,
      '--no-config',
      '--allow-private',
      '--format',
      'json',
      '--fail-on',
      'warning',
    ]);
    expect(result.code).toBe(1);
  });

  it('--no-check-quotes switches it off', async () => {
    const result = await runCli([
      'check',
      postFile,
      '--no-config',
      '--allow-private',
      '--format',
      'json',
      '--no-check-quotes',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => f.code)).not.toContain('QUOTE_NOT_FOUND');
  });

  it('"checkQuotes": false in the config file switches it off', async () => {
    const config = path.join(dir, 'citecheck.config.json');
    await writeFile(config, JSON.stringify({ checkQuotes: false }));
    const result = await runCli(['check', postFile, '--config', config, '--allow-private', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => f.code)).not.toContain('QUOTE_NOT_FOUND');
  });
});
