import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citingParagraph, wxrExport, type ExportPost } from '../helpers/site-export.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// 60 posts (an archive: more than 50): post 7 lost an anchor's URL, the others are clean.
const POSTS: ExportPost[] = Array.from({ length: 60 }, (_, i) => ({
  id: i + 1,
  title: `Story ${i + 1}`,
  body:
    i === 6
      ? '<p>The minister said</a> the budget grew 4%.</p>'
      : citingParagraph(`https://source-${i}.example.org/report`, 'report', i),
}));

describe('the terminal report of an archive run (more than 50 posts)', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await tempDir('citecheck-archive-');
    file = path.join(dir, 'archive.WordPress.xml');
    await writeFile(file, wxrExport(POSTS));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows the failing citations and the summary only', async () => {
    const result = await runCli(['check', file, '--no-config', '--offline']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('Failing citations: 1 with errors or warnings in 1 post of 60');
    expect(result.stdout).toContain('━━ Story 7');
    expect(result.stdout).toContain('ANCHOR_DAMAGED');
    expect(result.stdout).not.toContain('Story 8');
    expect(result.stdout).not.toContain('[UNCHECKED]');
    expect(result.stdout).toContain('Summary');
    expect(result.stdout).toMatch(/60 posts · /);
  });

  it('--verbose lists every post', async () => {
    const result = await runCli(['check', file, '--no-config', '--offline', '--verbose']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).not.toContain('Failing citations');
    for (const n of [1, 7, 60]) expect(result.stdout).toContain(`Story ${n}`);
    expect(result.stdout).toContain('59 posts without findings');
  });
});
