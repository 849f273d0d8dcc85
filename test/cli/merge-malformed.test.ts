import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeReportFiles } from '../../src/cli/merge-command.js';
import { InputError } from '../../src/errors.js';
import { TOOL_NAME, TOOL_VERSION } from '../../src/version.js';
import { tempDir } from '../helpers/temp-dir.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('citecheck-merge-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A minimal shard report of one post with one block; `blocks` replaces the post's blocks. */
function shardReport(index: number, blocks: unknown): unknown {
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    shard: { index, count: 2, inputs: 'same' },
    posts: [{ source: 'a.md', kind: 'markdown', warnings: [], blocks }],
    findings: [],
    hosts: [],
  };
}

describe('merge: a damaged shard report is refused in one line, never a crash', () => {
  it.each([
    ['blocks null', null],
    ['citations missing', [{ index: 0, kind: 'paragraph', text: 'x', isClaim: false, signals: [] }]],
  ])('%s: an InputError (exit 2), not a TypeError (exit 3)', async (name, blocks) => {
    const good = path.join(dir, `good-${name}.json`);
    const bad = path.join(dir, `bad-${name}.json`);
    await writeFile(
      good,
      JSON.stringify(
        shardReport(1, [{ index: 0, kind: 'paragraph', text: 'x', isClaim: false, signals: [], citations: [] }]),
      ),
    );
    await writeFile(bad, JSON.stringify(shardReport(2, blocks)));
    const merged = mergeReportFiles([good, bad]);
    await expect(merged).rejects.toBeInstanceOf(InputError);
    await expect(merged).rejects.toThrow(/not a JSON report of citecheck/);
  });
});
