import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// Every secret holds SECRET: a report that prints any part of one longer than a few letters prints that word.
const PASSWORD = 'SECRET'.repeat(20);

/** A post that writes credentials where the report quotes it: title, paragraph, anchor text, a lost anchor. */
function post(): string {
  // The sentence windows of a long paragraph (400 characters) are cut inside the userinfo of
  // the bare URLs, one at the window's start and one at its end.
  const filler = 'and the filler words go on '.repeat(12);
  // The window ends 250 characters after its link: 50 of them into the last URL.
  const shortFiller = 'and the filler words go on '.repeat(7);
  return [
    `# Notes on https://titleuser:${PASSWORD}@intranet.example.org/t`,
    '',
    `Officials said 62% of the data moved, see https://user:${PASSWORD}@data.example.org/x for details.`,
    '',
    `The audit [https://anchoruser:${PASSWORD}@data.example.org/y](https://news.example.org/a) said so.`,
    '',
    `A claim [lost at https://lostuser:${PASSWORD}@h.example.org/z]() stands here, officials said.`,
    '',
    `Officials said it ${filler} https://startuser:${PASSWORD}@cut.example.org/s then [the report](https://news.example.org/b) ${shortFiller}https://enduser:${PASSWORD}@cut.example.org/e ${filler}.`,
    '',
  ].join('\n');
}

describe('credentials a post writes in its text', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-userinfo-');
    await writeFile(path.join(cwd, 'post.md'), post());
  });

  it.each(['json', 'terminal', 'html', 'markdown', 'sarif', 'junit'])('never reach the %s report', async (format) => {
    const result = await runCli(['check', 'post.md', '--offline', '--no-config', '--format', format], {
      cwd,
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).not.toContain('SECRET');
    expect(result.stderr).not.toContain('SECRET');
    // The text around them stays (the reports that quote every paragraph).
    if (['json', 'terminal', 'html'].includes(format)) expect(result.stdout).toContain('://***@data.example.org/x');
  });

  it('the JSON report redacts the text where it stands, the sentence windows cut inside a URL too', async () => {
    const result = await runCli(['check', 'post.md', '--offline', '--no-config', '--format', 'json'], { cwd });
    const report = JSON.parse(result.stdout) as {
      posts: {
        title: string;
        blocks: {
          text: string;
          citations: { anchorText: string; sentence: string }[];
          damagedAnchors: { anchorText: string }[];
        }[];
      }[];
    };
    const [only] = report.posts;
    expect(only.title).toBe('Notes on https://***@intranet.example.org/t');
    const blocks = only.blocks;
    expect(blocks[1].text).toBe(
      'Officials said 62% of the data moved, see https://***@data.example.org/x for details.',
    );
    expect(blocks[2].citations[0].anchorText).toBe('https://***@data.example.org/y');
    expect(blocks[3].damagedAnchors[0].anchorText).toBe('lost at https://***@h.example.org/z');
    // The cited report's window starts inside the first URL's userinfo and ends inside the last's.
    const window = blocks[4].citations.find((c) => c.anchorText === 'the report')?.sentence ?? '';
    expect(window).toMatch(/^…\*\*\*@cut\.example\.org\/s then the report /);
    expect(window).toMatch(/ https:\/\/\*\*\*…$/);
  });
});
