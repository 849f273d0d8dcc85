import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * A tiny WordPress site on a loopback address: a REST posts endpoint, a post page that
 * advertises the API with a Link header, and a plain HTML page on a site without one.
 */
describe('http(s) URL inputs through the CLI', () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];
  const hitTimes: number[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      hits.push(url.pathname + url.search);
      hitTimes.push(performance.now());
      const post = {
        id: 7,
        slug: 'harbour-report',
        link: `${base}/2026/02/harbour-report/`,
        date_gmt: '2026-02-01T10:00:00',
        title: { rendered: 'Harbour report &#8211; update' },
        content: { rendered: `<p>The agency <a href="${base}/source">said</a> dredging resumes.</p>` },
      };
      if (url.pathname === '/wp-json/wp/v2/posts') {
        const list = url.searchParams.get('slug') === 'harbour-report' || !url.searchParams.has('slug') ? [post] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
      } else if (url.pathname === '/2026/02/harbour-report/') {
        res.writeHead(200, { 'content-type': 'text/html', link: `<${base}/wp-json/>; rel="https://api.w.org/"` });
        res.end(
          '<html><body><nav><a href="/nav">nav</a></nav><article><p>Page text without links.</p></article></body></html>',
        );
      } else if (url.pathname === '/plain.html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<html><head><title>Plain</title></head><body><main><p>It <a href="${base}/source">reported</a> a rise.</p></main></body></html>`,
        );
      } else if (url.pathname === '/source') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Source</title>');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.43', resolve));
    base = `http://127.0.0.43:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const json = (stdout: string) =>
    JSON.parse(stdout) as {
      posts: { kind: string; id?: number; title?: string; blocks: { citations: { status: string }[] }[] }[];
    };

  it('reads a WordPress REST posts URL as WordPress JSON', async () => {
    const result = await runCli([
      'check',
      `${base}/wp-json/wp/v2/posts`,
      '--no-config',
      '--allow-private',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const post = json(result.stdout).posts[0];
    expect(post).toMatchObject({ kind: 'wordpress', id: 7, title: 'Harbour report – update' });
    expect(post.blocks[0].citations[0].status).toBe('ok');
  });

  it('reads a post page through the REST API it advertises', async () => {
    const result = await runCli([
      'check',
      `${base}/2026/02/harbour-report/`,
      '--no-config',
      '--allow-private',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(json(result.stdout).posts[0]).toMatchObject({ kind: 'wordpress', id: 7 });
    expect(hits).toContain('/wp-json/wp/v2/posts?slug=harbour-report');
  });

  it('reads any other page as HTML', async () => {
    const result = await runCli(['check', `${base}/plain.html`, '--no-config', '--allow-private', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const post = json(result.stdout).posts[0];
    expect(post.kind).toBe('html');
    expect(post.blocks[0].citations[0].status).toBe('ok');
  });

  it('holds the per-host interval between fetching the input and checking its links', async () => {
    const first = hits.length;
    const result = await runCli([
      'check',
      `${base}/plain.html`,
      '--no-config',
      '--allow-private',
      '--host-concurrency',
      '1',
      '--host-interval',
      '1s',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(hits.slice(first)).toEqual(['/plain.html', '/source']);
    // One pool per run: the link check waits out the gap after the input fetch. A separate
    // pool shows ~80 ms here; the wide margin absorbs a loaded machine stamping the first
    // arrival late, which shortens the measured gap.
    expect(hitTimes[first + 1] - hitTimes[first]).toBeGreaterThanOrEqual(700);
  });

  it('refuses a loopback input URL without --allow-private (exit 2, one line)', async () => {
    const before = hits.length;
    const result = await runCli(['check', `${base}/plain.html`, '--no-config']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(hits.length).toBe(before);
  });

  it('a missing page is an input error naming the URL and status', async () => {
    const result = await runCli(['check', `${base}/nope`, '--no-config', '--allow-private']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/nope.*404/);
  });

  it('extract refuses URLs: it never touches the network', async () => {
    const before = hits.length;
    const result = await runCli(['extract', `${base}/plain.html`, '--no-config']);
    expect(result.code).toBe(2);
    expect(hits.length).toBe(before);
  });
});
