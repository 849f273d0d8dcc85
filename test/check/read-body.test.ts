import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBodyCapped } from '../../src/check/http-client.js';

const chunks = (...parts: (string | Buffer)[]) => Readable.from(parts.map((p) => Buffer.from(p)));

describe('readBodyCapped', () => {
  it('reads a body under the cap whole, and destroys the source', async () => {
    const source = chunks('<title>', 'Hello', '</title>');
    expect(await readBodyCapped(source, undefined, 1024)).toEqual({
      body: Buffer.from('<title>Hello</title>'),
      truncated: false,
    });
    expect(source.destroyed).toBe(true);
  });

  it('stops at the cap, mid-chunk, and says so', async () => {
    const source = chunks('abcd', 'efgh', 'ijkl');
    const read = await readBodyCapped(source, undefined, 6);
    expect(read).toEqual({ body: Buffer.from('abcdef'), truncated: true });
    expect(source.destroyed).toBe(true);
  });

  it('caps the decompressed size of a gzip body', async () => {
    const read = await readBodyCapped(chunks(gzipSync(Buffer.alloc(100_000, 'a'))), 'gzip', 1000);
    expect(read.truncated).toBe(true);
    expect(read.body).toEqual(Buffer.alloc(1000, 'a'));
  });

  it('keeps what a broken gzip stream decoded before it broke', async () => {
    const whole = gzipSync(Buffer.from('x'.repeat(50_000)));
    const broken = Buffer.concat([whole.subarray(0, whole.length / 2), Buffer.from('not gzip at all')]);
    const read = await readBodyCapped(chunks(broken), 'gzip', 1_000_000);
    expect(read.body.length).toBeGreaterThan(0);
    expect(read.body.toString()).toMatch(/^x+$/);
  });

  it('rejects when a plain body fails, or closes before its end', async () => {
    const failing = new Readable({ read() {} });
    const pending = readBodyCapped(failing, undefined, 1024);
    failing.push('partial');
    failing.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    await expect(pending).rejects.toMatchObject({ code: 'ECONNRESET' });

    const closing = new Readable({ read() {} });
    const cut = readBodyCapped(closing, undefined, 1024);
    closing.destroy();
    await expect(cut).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});
