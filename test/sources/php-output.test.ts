import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/sources/index.js';
import { parseLenientJson } from '../../src/sources/json-repair.js';

const POST = '{"id":1,"link":"https://blog.example.com/p1/","content":{"rendered":"<p>Body</p>"}}';
const HTML_WARNING = '<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/x.php</b> on line <b>3</b><br />\n';

describe('PHP warning output before a JSON export', () => {
  it.each([
    ['html_errors, a list', `${HTML_WARNING}[${POST}]`],
    ['html_errors, one object', `${HTML_WARNING}${POST}`],
    [
      'the plain form of the brief',
      `<br />\n<b>Warning</b>:  Undefined variable in /var/www/x.php on line 3<br />\n[${POST}]`,
    ],
    [
      'CLI form, two messages',
      `PHP Notice:  Undefined index: a in /srv/export.php on line 12\nPHP Deprecated:  Creation of dynamic property in /srv/x.php on line 4\n${POST}`,
    ],
  ])('%s: reads the post with an INPUT_REPAIRED warning', (_name, text) => {
    const [post] = parseDocument(text, { source: 'export.json' });
    expect(post).toMatchObject({ kind: 'wordpress', id: 1, body: '<p>Body</p>' });
    expect(post.warnings[0]).toMatchObject({
      code: 'INPUT_REPAIRED',
      repair: 'PHP warning output before the JSON',
      line: 1,
    });
  });

  it('counts several messages as one repair, from the first', () => {
    const r = parseLenientJson(`${HTML_WARNING}${HTML_WARNING}${POST}`);
    if ('error' in r) throw new Error(r.error);
    expect(r.repairs).toEqual([
      { repair: 'PHP warning output before the JSON', offset: 0, line: 1, column: 1, count: 2 },
    ]);
  });

  it('sniffs it as WordPress JSON on stdin, where no extension tells', () => {
    expect(parseDocument(`${HTML_WARNING}[${POST}]`, { source: '-' })[0].kind).toBe('wordpress');
  });

  it('leaves other text alone: HTML that merely mentions a warning is not JSON', () => {
    expect(() => parseDocument('<p>Warning: stairs on line 3</p>\n{"id":1}', { source: 'x.json' })).toThrow('not JSON');
    expect(parseDocument('<b>Warning</b>: read this on line 3<br />\n<p>Text</p>', { source: '-' })[0].kind).toBe(
      'html',
    );
  });
});

describe('PHP warning output through the CLI', () => {
  it('check reports the repair as an INPUT_REPAIRED finding and reads the post', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const result = await runCli(['check', '-', '--offline', '--no-config', '--format', 'json'], {
      stdin: `${HTML_WARNING}[${POST}]`,
    });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      posts: { id: number }[];
      findings: { code: string; message: string }[];
    };
    expect(report.posts.map((p) => p.id)).toEqual([1]);
    expect(report.findings.find((f) => f.code === 'INPUT_REPAIRED')?.message).toContain(
      'PHP warning output before the JSON',
    );
  });
});
