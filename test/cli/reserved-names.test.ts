import dns from 'node:dns';
import { writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Report, ReportCitation } from '../../src/types.js';
import { stubLookup } from '../helpers/stub-lookup.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDir } from '../helpers/temp-dir.js';

// The CLI runs in this process so that the names it meets resolve through the stub resolver
// only (a child process would ask the system resolver): every made-up name maps to the local
// server on 127.0.0.1 and anything else is ENOTFOUND, so no packet leaves loopback. localhost
// and *.localhost never reach a resolver: citecheck answers them with 127.0.0.1 itself.
let server: TestServer;
let post: string;
let lookup: ReturnType<typeof stubLookup>;
const realLookup = dns.lookup;

const NAMES = ['staging.test', 'shop.localhost', 'localhost', 'docs.example', 'thing.invalid', 'www.example.com'];

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.1' });
  const dir = await tempDir('citecheck-reserved-');
  post = path.join(dir, 'local-audit.md');
  const link = (name: string, i: number) => `- A [source ${i}](http://${name}:${server.port}/ok?${i}) says so.`;
  await writeFile(post, `# Local audit\n\n${NAMES.map(link).join('\n')}\n`);
});
afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
  lookup = stubLookup(Object.fromEntries(NAMES.map((name) => [name, '127.0.0.1'])));
  (dns as { lookup: unknown }).lookup = lookup;
  syncBuiltinESMExports();
});
afterEach(() => {
  (dns as { lookup: unknown }).lookup = realLookup;
  syncBuiltinESMExports();
  vi.restoreAllMocks();
});

/** Runs `citecheck check <post> …flags` with the JSON report on stdout; returns the report. */
async function check(...flags: string[]): Promise<{ code: number; byName: Map<string, ReportCitation> }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const env = process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_ACTIONS;
  try {
    const code = await main(['check', post, '--no-config', '--no-progress', '--format', 'json', ...flags]);
    const report = JSON.parse(stdout) as Report;
    const citations = report.posts[0].blocks.flatMap((b) => b.citations);
    return { code, byName: new Map(citations.map((c) => [new URL(c.url).hostname, c])) };
  } finally {
    if (env !== undefined) process.env.GITHUB_ACTIONS = env;
  }
}

describe('reserved names through the CLI', () => {
  it('excludes local and documentation names by default, without resolving or requesting them', async () => {
    const { code, byName } = await check();
    expect(code).toBe(0);
    for (const name of NAMES) {
      const local = name === 'localhost' || /\.(test|localhost)$/.test(name);
      expect(byName.get(name)).toMatchObject({
        status: 'excluded',
        errorCode: local ? 'LOCAL_NAME' : 'EXAMPLE_DOMAIN',
      });
    }
    expect(byName.get('staging.test')?.reason).toBe(
      'staging.test is a reserved name for local setups (--allow-private checks it)',
    );
    expect(lookup.calls).toEqual([]);
    expect(server.hits).toHaveLength(0);
  });

  it('--allow-private checks a local staging site on .test, .localhost and localhost, not documentation names', async () => {
    const { byName } = await check('--allow-private');
    for (const name of ['staging.test', 'shop.localhost', 'localhost']) {
      expect(byName.get(name)).toMatchObject({ status: 'ok', httpStatus: 200 });
    }
    for (const name of ['docs.example', 'thing.invalid', 'www.example.com']) {
      expect(byName.get(name)).toMatchObject({ status: 'excluded', errorCode: 'EXAMPLE_DOMAIN' });
    }
    expect(server.hits).toHaveLength(3);
    // The .test name was resolved by the stub, and only it: localhost names are loopback by definition (RFC 6761).
    expect([...new Set(lookup.calls)]).toEqual(['staging.test']);
  });

  it('an --include pattern wins over --exclude and every reserved name', async () => {
    const { byName } = await check(
      '--allow-private',
      '--include',
      '\\.example[:/]|\\.invalid[:/]|staging',
      '--exclude',
      'staging',
    );
    for (const name of ['docs.example', 'thing.invalid', 'staging.test']) {
      expect(byName.get(name)).toMatchObject({ status: 'ok', httpStatus: 200 });
    }
    // The other URLs match no --include pattern.
    expect(byName.get('localhost')).toMatchObject({ status: 'excluded', errorCode: 'EXCLUDED_PATTERN' });
    expect(server.hits).toHaveLength(3);
  });

  it('an --include pattern does not lift the private-address policy: that takes --allow-private', async () => {
    const { byName } = await check('--include', 'docs\\.example');
    expect(byName.get('docs.example')).toMatchObject({ status: 'excluded', errorCode: 'PRIVATE_ADDRESS' });
    expect(lookup.calls).toEqual(['docs.example']);
    expect(server.hits).toHaveLength(0);
  });
});

/** Runs `citecheck check <url> …flags` (an input URL named on the command line); returns the exit code and stderr. */
async function checkInput(url: string, ...flags: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const env = process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_ACTIONS;
  try {
    const code = await main(['check', url, '--no-config', '--no-progress', '--format', 'json', ...flags]);
    return { code, stderr };
  } finally {
    if (env !== undefined) process.env.GITHUB_ACTIONS = env;
  }
}

describe('an input URL named on the command line', () => {
  const input = (name: string) => `http://${name}:${server.port}/ok?input`;

  it('is fetched as asked whatever its name, but the private-address policy still applies to where it resolves', async () => {
    for (const name of ['staging.test', 'docs.example', 'localhost']) {
      server.reset();
      const refused = await checkInput(input(name));
      expect(refused.code, name).toBe(2);
      expect(refused.stderr, name).toContain(`cannot fetch ${input(name)}: PRIVATE_ADDRESS`);
      expect(refused.stderr, name).toContain('(use --allow-private to fetch it)');
      expect(server.hits, name).toHaveLength(0);

      const fetched = await checkInput(input(name), '--allow-private');
      expect(fetched.code, `${name}: ${fetched.stderr}`).toBe(0);
      expect(server.hitsOf('/ok?input'), name).toHaveLength(1);
    }
    // The made-up names were resolved by the stub (localhost never is), and their addresses judged.
    expect([...new Set(lookup.calls)]).toEqual(['staging.test', 'docs.example']);
  });

  it('does not follow a redirect to a reserved name: the hop is the link rule', async () => {
    const target = `http://docs.example:${server.port}/ok?hop`;
    const start = server.url(`/redirect-to?url=${encodeURIComponent(target)}`);
    const { code, stderr } = await checkInput(start, '--allow-private');
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot fetch ${start}: EXAMPLE_DOMAIN redirects to`);
    expect(server.hitsOf('/ok?hop')).toHaveLength(0);
    expect(lookup.calls).toEqual([]);
  });
});
