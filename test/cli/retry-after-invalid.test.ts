import { writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli } from './run-cli.js';

// A site that is down answers every link 503. RFC 9110 says a Retry-After that is not
// delay-seconds or an HTTP-date is ignored: `Retry-After: abc` or an empty one is a plain 503,
// so the links are broken and the run fails, as it does for a 503 with no Retry-After at all.
// (Before, any Retry-After header, however garbled, made every link "blocked" and the run green.)

let server: TestServer;
let dir: string;

function unavailable(res: ServerResponse, retryAfter?: string): void {
  res.writeHead(503, {
    'content-type': 'text/html',
    ...(retryAfter !== undefined ? { 'retry-after': retryAfter } : {}),
  });
  res.end('<title>Service Unavailable</title>');
}

const LINKS = 12;

beforeAll(async () => {
  server = await startTestServer({
    host: '127.0.0.81',
    routes: {
      '/plain/': (_req, res) => unavailable(res),
      '/garbage/': (_req, res) => unavailable(res, 'abc'),
      '/empty/': (_req, res) => unavailable(res, ''),
      '/lenient/': (_req, res) => unavailable(res, 'later 2'),
      '/asked/': (_req, res) => unavailable(res, '3600'),
    },
  });
  dir = await tempDir('citecheck-retry-after-');
  for (const kind of ['plain', 'garbage', 'empty', 'lenient', 'asked']) {
    const links = Array.from({ length: LINKS }, (_, i) => `- A [source ${i}](${server.url(`/${kind}/${i}`)}) says so.`);
    await writeFile(path.join(dir, `${kind}.md`), `# Down\n\n${links.join('\n')}\n`);
  }
});
afterAll(async () => {
  await server.close();
});

/** Runs `citecheck check <kind>.md` with the JSON report on stdout. */
async function check(kind: string) {
  const result = await runCli(
    ['check', `${kind}.md`, '--no-config', '--allow-private', '--timeout', '3s', '--format', 'json'],
    { cwd: dir },
  );
  const report = JSON.parse(result.stdout) as Report;
  return { code: result.code, citations: report.posts[0].blocks.flatMap((b) => b.citations) };
}

describe('a 503 whose Retry-After is not a valid value is a plain 503', () => {
  it.each(['plain', 'garbage', 'empty', 'lenient'])(
    '%s: the links answered are broken, the run fails',
    async (kind) => {
      const { code, citations } = await check(kind);
      expect(code).toBe(1);
      expect(citations).toHaveLength(LINKS);
      // The links the host answered are broken; once it is given up (three 503s in a row) the
      // rest are not requested, and say so.
      const answered = citations.filter((c) => c.httpStatus !== undefined);
      expect(answered.length).toBeGreaterThan(0);
      for (const c of answered) expect(c).toMatchObject({ status: 'broken', errorCode: 'HTTP_ERROR', httpStatus: 503 });
      for (const c of citations.filter((c) => c.httpStatus === undefined)) {
        expect(c.status).toBe('blocked');
        expect(c.reason).toMatch(/^not requested: .* 3 times in a row \(HTTP 503\)/);
      }
      expect(server.hitsOf(`/${kind}/0`).length).toBeGreaterThan(0);
    },
  );

  it('a valid Retry-After still makes a 503 a "come back later": blocked, the run passes', async () => {
    const { code, citations } = await check('asked');
    expect(citations.map((c) => c.status)).toEqual(Array(LINKS).fill('blocked'));
    expect(citations[0].reason).toBe('HTTP 503 asking to retry after 3600');
    expect(code).toBe(0);
  });
});
