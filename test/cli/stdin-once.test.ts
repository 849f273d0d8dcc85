import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('"-" named twice', () => {
  it('reads standard input once instead of failing on the drained second read', async () => {
    const result = await runCli(['extract', '-', '-', '--no-config'], {
      stdin: 'Read [this](https://news.example.org/a).\n',
    });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { posts: { source: string }[] };
    expect(report.posts.map((p) => p.source)).toEqual(['-']);
  });
});
