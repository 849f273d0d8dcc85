import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';
import { tempDirSync } from '../helpers/temp-dir.js';

const POST = [
  '| source | address |',
  '|---|---|',
  '| census | https://census.test/table |',
  '| linked | [the survey](https://survey.test/) |',
  '',
  'In prose https://prose.test/a is a link.',
  '',
].join('\n');

function urls(linkify: boolean): string[] {
  const [post] = parseDocument(POST, { source: 'tables.md' });
  return extractPost(post, { linkify }).blocks.flatMap((b) => b.citations.map((c) => c.url));
}

describe('bare URLs in Markdown tables', () => {
  it('are text by default, as Jekyll and Hugo print them; Markdown links in cells and bare URLs in prose stay links', () => {
    expect(urls(false)).toEqual(['https://survey.test/', 'https://prose.test/a']);
  });

  it('are links with linkify', () => {
    expect(urls(true)).toEqual(['https://census.test/table', 'https://survey.test/', 'https://prose.test/a']);
  });

  const dir = tempDirSync('citecheck-tables-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--linkify and "linkify" in the config work through the CLI', async () => {
    const file = path.join(dir, 'tables.md');
    writeFileSync(file, POST);
    const cited = (out: string): string[] =>
      (JSON.parse(out) as Report).posts[0].blocks.flatMap((b) => b.citations.map((c) => c.url));
    const plain = await runCli(['extract', '--no-config', file]);
    expect(plain.code).toBe(0);
    expect(cited(plain.stdout)).not.toContain('https://census.test/table');
    const flag = await runCli(['extract', '--no-config', '--linkify', file]);
    expect(cited(flag.stdout)).toContain('https://census.test/table');
    writeFileSync(path.join(dir, 'citecheck.config.json'), JSON.stringify({ linkify: true }));
    const config = await runCli(['extract', file], { cwd: dir });
    expect(config.code).toBe(0);
    expect(cited(config.stdout)).toContain('https://census.test/table');
  });
});
