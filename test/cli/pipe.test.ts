import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';

describe('stdout closed early (`citecheck extract … | head -1`)', () => {
  it('exits quietly instead of crashing on EPIPE', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'citecheck-pipe-'));
    // Enough posts that the JSON is larger than a pipe buffer.
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `Officials said [item ${i}](https://news.example.org/${i}) rose 5%.`,
    ).join('\n\n');
    await writeFile(path.join(dir, 'big.md'), paragraphs);
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'extract', path.join(dir, 'big.md'), '--no-config']);
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(result.code).toBe(0);
  });
});
