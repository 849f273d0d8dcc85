import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/cli/print.js';

/** A stream that takes one chunk per turn of the event loop, like a pipe to a slow reader. */
function slowReader(highWaterMark: number): { stream: Writable; received: string[]; maxBuffered: () => number } {
  const received: string[] = [];
  let max = 0;
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      received.push(chunk);
      setImmediate(callback);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const more = write(chunk);
    max = Math.max(max, stream.writableLength);
    return more;
  }) as typeof stream.write;
  return { stream, received, maxBuffered: () => max };
}

describe('writeReport (issue 13: a large report into a pipe)', () => {
  it('waits for a slow reader: never more than a batch past the stream buffer, every byte in order', async () => {
    const { stream, received, maxBuffered } = slowReader(1 << 16);
    // 16 MB of report in pieces of a few lines, as the JSON formatter yields them.
    const pieces = Array.from({ length: 80_000 }, (_, i) => `{\n  "index": ${i},\n  "text": "${'x'.repeat(180)}"\n},`);
    await writeReport(pieces, stream);
    await new Promise((resolve) => stream.end(resolve));
    expect(received.join('')).toBe(`${pieces.join('')}\n`);
    // Ignoring backpressure buffered the whole report (16 MB); waiting keeps it to about two batches.
    expect(maxBuffered()).toBeLessThan(1 << 18);
  });

  it('ends a report with one newline, and writes a piece longer than a slice in slices', async () => {
    const { stream, received } = slowReader(1 << 10);
    const long = 'y'.repeat((1 << 20) * 2 + 5);
    await writeReport(['head ', long, 'tail\n'], stream);
    await new Promise((resolve) => stream.end(resolve));
    expect(received.join('')).toBe(`head ${long}tail\n`);
    expect(Math.max(...received.map((r) => r.length))).toBeLessThanOrEqual(1 << 20);
  });

  it('never cuts a surrogate pair apart at a slice, and ends a batch filled to the byte with its newline', async () => {
    const { stream, received } = slowReader(1 << 10);
    // An emoji (two UTF-16 units) across the first 1 MB slice boundary of a long piece.
    const long = `${'a'.repeat((1 << 20) - 1)}😀${'b'.repeat(10)}`;
    // Pieces of 3-byte characters that fill a 64 KB batch exactly, with no newline at the end.
    const cjk = Array.from({ length: 4 }, () => '語'.repeat((1 << 16) / 12));
    await writeReport(['head ', long, ...cjk], stream);
    await new Promise((resolve) => stream.end(resolve));
    const text = Buffer.concat(received.map((r) => Buffer.from(r))).toString('utf8');
    expect(text).toBe(`head ${long}${cjk.join('')}\n`);
    expect(text).not.toContain('\ufffd');
  });

  it('returns when the reader goes away instead of waiting for a drain that never comes', async () => {
    const stream = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        // Never calls back: a reader that stopped reading; the stream is then destroyed.
        setImmediate(() => stream.destroy());
        void callback;
      },
    });
    stream.on('error', () => undefined);
    await writeReport(
      Array.from({ length: 10 }, () => 'z'.repeat(1 << 16)),
      stream,
    );
    expect(stream.destroyed).toBe(true);
  });
});

describe('writeReport: a stream that keeps what it is given', () => {
  it('gets every batch in a buffer of its own', async () => {
    // Takes each chunk at once and keeps it (as a PassThrough does), so a buffer written again
    // after its write would change what the stream already holds.
    const kept: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        kept.push(chunk);
        callback();
      },
    });
    const pieces = Array.from(
      { length: 3000 },
      (_, i) => `{"index": ${i}, "text": "${String(i % 10).repeat(100)}"},\n`,
    );
    await writeReport(pieces, stream);
    expect(kept.length).toBeGreaterThan(2);
    expect(Buffer.concat(kept).toString('utf8')).toBe(pieces.join(''));
  });
});
