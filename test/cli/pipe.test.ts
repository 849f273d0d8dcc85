import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('stdout closed early (`citecheck extract … | head -1`)', () => {
  it('exits quietly instead of crashing on EPIPE', async () => {
    const dir = await tempDir('citecheck-pipe-');
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

  it('still writes the --report files and exits 1 on failing findings (CI must not read a pass)', async () => {
    const dir = await tempDir('citecheck-pipe-');
    // Damaged anchors fail the run offline; enough of them that the JSON outgrows a pipe buffer.
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `<p>Officials said in report ${i} that <a>the figures</a> rose by 5%.</p>`,
    ).join('\n');
    await writeFile(path.join(dir, 'post.html'), `<html><body><article>${paragraphs}</article></body></html>`);
    const report = path.join(dir, 'out', 'report.json');
    const args = ['check', '--offline', '--no-config', '--no-progress', '--format', 'json'];
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args, '--report', `json:${report}`, path.join(dir, 'post.html')]);
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
    expect(result.code).toBe(1);
    const written = JSON.parse(await readFile(report, 'utf8')) as { findings: Array<{ code: string }> };
    expect(written.findings.some((f) => f.code === 'ANCHOR_DAMAGED')).toBe(true);
  });
});
