import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** URL inputs that are not posts: a real server on a loopback address. */
describe('URL inputs that are not documents or posts', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const types: Record<string, [string, string | Buffer]> = {
      '/report.pdf': ['application/pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'],
      '/logo': ['image/png', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')],
      '/blob': ['application/octet-stream; name=x', 'plain-looking bytes'],
      '/notes.txt': ['text/plain; charset=utf-8', '# Notes\n\nText [here](https://news.example.org/a).\n'],
    };
    const restError = '{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}';
    server = http.createServer((req, res) => {
      // The API answers an error body with its status; some proxies turn that into a 200.
      if (req.url === '/wp-json/wp/v2/posts/999')
        return void res.writeHead(404, { 'content-type': 'application/json' }).end(restError);
      if (req.url === '/proxied/wp-json/wp/v2/posts/999')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(restError);
      const entry = types[req.url ?? ''];
      if (!entry) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': entry[0] }).end(entry[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.44', resolve));
    base = `http://127.0.0.44:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['/report.pdf', 'application/pdf'],
    ['/logo', 'image/png'],
    ['/blob', 'application/octet-stream'],
  ])('%s (%s) → exit 2, one line naming the URL and the type', async (route, type) => {
    const result = await runCli(['check', `${base}${route}`, '--no-config', '--allow-private', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `citecheck: cannot read ${base}${route}: not an HTML, JSON or Markdown document (${type})\n`,
    );
  });

  it('text/plain is still read as Markdown', async () => {
    const result = await runCli([
      'check',
      `${base}/notes.txt`,
      '--no-config',
      '--allow-private',
      '--exclude',
      'news\\.example',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).posts[0]).toMatchObject({ kind: 'markdown', title: 'Notes' });
  });

  it('a WordPress REST error names the API code and message', async () => {
    const notFound = await runCli(['check', `${base}/wp-json/wp/v2/posts/999`, '--no-config', '--allow-private']);
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toBe(
      `citecheck: ${base}/wp-json/wp/v2/posts/999: HTTP 404, WordPress API error rest_post_invalid_id: Invalid post ID.\n`,
    );
    const proxied = await runCli([
      'check',
      `${base}/proxied/wp-json/wp/v2/posts/999`,
      '--no-config',
      '--allow-private',
    ]);
    expect(proxied.code).toBe(2);
    expect(proxied.stderr).toBe(
      `citecheck: ${base}/proxied/wp-json/wp/v2/posts/999: WordPress API error rest_post_invalid_id: Invalid post ID. (HTTP 404)\n`,
    );
  });
});
