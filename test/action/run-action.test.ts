import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { BIN, ROOT } from '../cli/run-cli.js';
// The action's script is plain JavaScript (it runs from the action's checkout, unbuilt).
// @ts-expect-error -- no declaration file for the action script
import { EXTENSIONS, splitArgs } from '../../action/run.js';
import { tempDir } from '../helpers/temp-dir.js';

const SCRIPT = path.join(ROOT, 'action', 'run.js');

interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's step as GitHub Actions would: its inputs as CITECHECK_* variables, GITHUB_* files. */
async function runStep(cwd: string, inputs: Record<string, string>): Promise<StepResult> {
  const output = path.join(cwd, `output-${Math.random().toString(36).slice(2)}`);
  const summaryFile = path.join(cwd, `summary-${Math.random().toString(36).slice(2)}.md`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summaryFile,
    CITECHECK_CLI: BIN,
    ...Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`CITECHECK_${k.toUpperCase().replace(/-/g, '_')}`, v]),
    ),
  };
  const child = spawn(process.execPath, [SCRIPT], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const text = existsSync(output) ? await readFile(output, 'utf8') : '';
  const outputs = Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const summary = existsSync(summaryFile) ? await readFile(summaryFile, 'utf8') : '';
  return { code, stdout, stderr, outputs, summary };
}

describe('the GitHub Action step (action/run.js) under a simulated GITHUB_ACTIONS', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer({ host: '127.0.0.90' });
    dir = await tempDir('citecheck-action-');
    await writeFile(
      path.join(dir, 'my post.html'),
      `<html><body><article><p>The agency <a href="${server.url('/ok')}">said</a> it grew 4%, a
      <a href="${server.url('/status/404')}">report</a> shows.</p></article></body></html>`,
    );
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs citecheck with the reports and the cache, writes the outputs and the summary, fails on an error', async () => {
    const step = await runStep(dir, { args: `check 'my post.html' --allow-private --no-config` });
    expect(step.code, step.stderr).toBe(1);
    expect(step.outputs).toMatchObject({
      'exit-code': '1',
      'report-dir': 'citecheck-reports',
      errors: '1',
      json: path.join('citecheck-reports', 'citecheck.json'),
      html: path.join('citecheck-reports', 'citecheck.html'),
      sarif: path.join('citecheck-reports', 'citecheck.sarif'),
      markdown: path.join('citecheck-reports', 'citecheck.md'),
    });
    for (const file of ['json', 'html', 'sarif', 'markdown'])
      expect(existsSync(path.join(dir, step.outputs[file]))).toBe(true);
    expect(step.summary).toContain('## citecheck: citation report');
    expect(step.stdout).toMatch(/^::error .*LINK_BROKEN/m);
    // --cache was added: the results are kept for the next run (actions/cache saves the file).
    expect(existsSync(path.join(dir, '.citecheck-cache.json'))).toBe(true);
  });

  it('with fail: false, the step passes and the exit-code output keeps the verdict', async () => {
    const step = await runStep(dir, {
      args: `check "my post.html" --allow-private --no-config`,
      fail: 'false',
      reports: 'json',
      'report-dir': 'out',
    });
    expect(step.code, step.stderr).toBe(0);
    expect(step.outputs['exit-code']).toBe('1');
    expect(step.outputs.json).toBe(path.join('out', 'citecheck.json'));
    expect(step.outputs.html).toBeUndefined();
    expect(step.stderr).toContain('fail is false');
  });

  it('summary and annotations off; no cache', async () => {
    const step = await runStep(dir, {
      args: `check 'my post.html' --allow-private --no-config`,
      summary: 'false',
      annotations: 'false',
      cache: 'false',
      'cache-file': 'never.json',
    });
    expect(step.code).toBe(1);
    expect(step.summary).toBe('');
    expect(step.stdout).not.toMatch(/^::error/m);
    expect(existsSync(path.join(dir, 'never.json'))).toBe(false);
  });

  it("a usage error fails the step with citecheck's exit 2, in one line", async () => {
    const bad = await runStep(dir, { args: `check 'my post.html' --no-such-flag` });
    expect(bad.code).toBe(2);
    expect(bad.outputs['exit-code']).toBe('2');
    expect(bad.stderr).toMatch(/^citecheck: unknown option '--no-such-flag'/m);
    const unclosed = await runStep(dir, { args: `check 'my post.html` });
    expect(unclosed.code).toBe(2);
    expect(unclosed.stderr).toBe("citecheck action: args: unclosed ' quote\n");
    const format = await runStep(dir, { args: 'check x.html', reports: 'pdf' });
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/reports: unknown format "pdf"/);
  });

  it('merges shard reports (no --cache for merge), with the exit code of the whole', async () => {
    for (const k of [1, 2]) {
      const shard = await runStep(dir, {
        args: `check 'my post.html' --allow-private --no-config --shard ${k}/2 --fail-on never`,
        reports: 'json',
        'report-dir': `shard-${k}`,
      });
      expect(shard.code, shard.stderr).toBe(0);
    }
    const merge = await runStep(dir, {
      args: 'merge shard-1/citecheck.json shard-2/citecheck.json --no-config',
      reports: 'json,html,sarif',
      'report-dir': 'merged',
    });
    expect(merge.code, merge.stderr).toBe(1);
    expect(merge.outputs).toMatchObject({ 'exit-code': '1', errors: '1' });
    expect(merge.summary).toContain('## citecheck: citation report');
  });
});

describe('splitting the args input', () => {
  it('splits on whitespace and honours quotes and backslashes, running nothing', () => {
    expect(splitArgs(`check content/ --exclude 'a b' "c d" e\\ f`)).toEqual([
      'check',
      'content/',
      '--exclude',
      'a b',
      'c d',
      'e f',
    ]);
    expect(splitArgs(`wp https://x.example/ --header "Authorization: Basic \\"x\\"" $(rm -rf /) ''`)).toEqual([
      'wp',
      'https://x.example/',
      '--header',
      'Authorization: Basic "x"',
      '$(rm',
      '-rf',
      '/)',
      '',
    ]);
    expect(splitArgs('  \n check\tpost.md  ')).toEqual(['check', 'post.md']);
    expect(() => splitArgs('check "post.md')).toThrow(/unclosed " quote/);
  });

  it('knows the extension of every report format', () => {
    expect(EXTENSIONS).toEqual(Object.fromEntries(Object.entries(FORMATTERS).map(([name, f]) => [name, f.extension])));
  });
});

describe('action.yml', () => {
  it('declares every input it uses and passes each to the script', async () => {
    const yml = await readFile(path.join(ROOT, 'action.yml'), 'utf8');
    const declared = new Set([...yml.matchAll(/^ {2}([a-z-]+):\n {4}description:/gm)].map((m) => m[1]));
    const used = new Set([...yml.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    for (const input of used) expect(declared.has(input), input).toBe(true);
    const script = await readFile(SCRIPT, 'utf8');
    const step = yml.slice(yml.indexOf('id: run'), yml.indexOf('action/run.js'));
    const variables = [...step.matchAll(/^ {8}(CITECHECK_[A-Z_]+): \$\{\{ inputs\./gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(5);
    for (const variable of variables) expect(script).toContain(variable);
    expect(yml).toContain('run: node "$GITHUB_ACTION_PATH/action/run.js"');
  });
});
